package dev.roster.time;

import io.vertx.core.Timer;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link TimerSource} on Vert.x timers, in microseconds so a window of a millisecond or less is
 * not rounded up to the next millisecond. The task runs on the context that set the timer.
 */
final class VertxTimerSource implements TimerSource {
  private final Vertx vertx;

  VertxTimerSource(Vertx vertx) {
    this.vertx = vertx;
  }

  @Override
  public Scheduled schedule(Duration delay, Runnable task) {
    long micros = Math.max(1, delay.toNanos() / 1_000L);
    Timer timer = vertx.timer(micros, TimeUnit.MICROSECONDS);
    timer.onSuccess(ignored -> task.run());
    return timer::cancel;
  }

  @Override
  public Scheduled soon(Runnable task) {
    // 0: waiting, 1: ran, 2: cancelled.
    AtomicInteger state = new AtomicInteger();
    vertx.getOrCreateContext()
        .runOnContext(
            ignored -> {
              if (state.compareAndSet(0, 1)) {
                task.run();
              }
            });
    return () -> state.compareAndSet(0, 2);
  }
}
