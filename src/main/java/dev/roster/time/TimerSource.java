package dev.roster.time;

import io.vertx.core.Vertx;
import java.time.Duration;

/**
 * The one seam through which Roster sets short one-shot timers whose delay is read on the
 * {@link TimeSource} (a batch's collection window, a wait for the next budget token), so tests
 * fire them by moving a {@link ManualTimerSource} instead of sleeping.
 */
public interface TimerSource {
  /**
   * Runs {@code task} once, {@code delay} from now. With Vert.x timers it runs on the context
   * that set it (an event loop), so the task must not block.
   */
  Scheduled schedule(Duration delay, Runnable task);

  /**
   * Runs {@code task} as soon as the work at hand is done: with Vert.x, on the asking context once
   * its event loop has finished the current turn (everything read with the asking request); with
   * a manual source, at its next step.
   */
  default Scheduled soon(Runnable task) {
    return schedule(Duration.ZERO, task);
  }

  /** A timer that was set. */
  interface Scheduled {
    /** Stops the timer if it has not run yet; returns whether it was stopped. */
    boolean cancel();
  }

  /** Real timers of {@code vertx} (microsecond delays; Vert.x's own timer wheel). */
  static TimerSource of(Vertx vertx) {
    return new VertxTimerSource(vertx);
  }
}
