package dev.roster.widget;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for a condition by polling it until a deadline: never a sleep standing in for sync. */
final class Deadline {
  private Deadline() {}

  /** Polls {@code value} until it is non-null and not false, or fails naming {@code what}. */
  static <T> T await(String what, Duration within, Supplier<T> value) {
    long end = System.nanoTime() + within.toNanos();
    T last = null;
    while (System.nanoTime() < end) {
      last = value.get();
      if (last != null && !Boolean.FALSE.equals(last)) {
        return last;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what);
      }
    }
    throw new AssertionError("timed out after " + within.toSeconds() + " s waiting for " + what
        + " (last seen: " + last + ")");
  }
}
