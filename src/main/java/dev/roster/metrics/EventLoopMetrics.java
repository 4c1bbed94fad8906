package dev.roster.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.SingleThreadEventExecutor;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Vert.x's event loops, per loop: {@code roster_eventloop_pending_tasks{loop}} (tasks queued,
 * read from Netty when scraped) and {@code roster_eventloop_lag_seconds{loop}} (how long a task
 * waited for its loop, probed once a second: a blocked or saturated loop shows here before it
 * shows in latency).
 *
 * <p>Threading: the loops come from {@code VertxInternal.nettyEventLoopGroup()}, Vert.x's internal
 * API, used only here. The probe timer runs on a Vert.x event loop and only submits a task to
 * each loop; each task writes its own {@link AtomicLong}, read by the scrape on any thread.
 */
final class EventLoopMetrics implements AutoCloseable {
  static final String PENDING = "roster.eventloop.pending.tasks";
  static final String LAG = "roster.eventloop.lag";
  private static final long PROBE_MILLIS = 1_000;

  private final Vertx vertx;
  private final long timer;

  private EventLoopMetrics(Vertx vertx, List<EventExecutor> loops, List<AtomicLong> lags) {
    this.vertx = vertx;
    this.timer =
        vertx.setPeriodic(
            PROBE_MILLIS,
            id -> {
              for (int i = 0; i < loops.size(); i++) {
                AtomicLong lag = lags.get(i);
                long sent = System.nanoTime();
                loops.get(i).execute(() -> lag.set(System.nanoTime() - sent));
              }
            });
  }

  static EventLoopMetrics register(MeterRegistry registry, Vertx vertx) {
    List<EventExecutor> loops = new ArrayList<>();
    ((VertxInternal) vertx).nettyEventLoopGroup().forEach(loops::add);
    List<AtomicLong> lags = new ArrayList<>();
    for (int i = 0; i < loops.size(); i++) {
      EventExecutor loop = loops.get(i);
      AtomicLong lag = new AtomicLong();
      lags.add(lag);
      String index = Integer.toString(i);
      if (loop instanceof SingleThreadEventExecutor single) {
        Gauge.builder(PENDING, single, SingleThreadEventExecutor::pendingTasks)
            .description("Tasks waiting in the event loop's queue")
            .tag("loop", index)
            .register(registry);
      }
      Gauge.builder(LAG, lag, l -> l.get() / 1e9)
          .description("How long the last probe task waited for the event loop")
          .baseUnit("seconds")
          .tag("loop", index)
          .register(registry);
    }
    return new EventLoopMetrics(vertx, loops, lags);
  }

  @Override
  public void close() {
    vertx.cancelTimer(timer);
  }
}
