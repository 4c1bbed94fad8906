package dev.roster.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition with a deadline, checking every 10 ms: the one way the real-process
 * tests (replicas, Redis, a browser) wait, never a fixed sleep standing in for synchronisation.
 */
public final class Polling {
  private static final long INTERVAL_NANOS = 10_000_000L;

  private Polling() {}

  /** Returns once {@code condition} holds; fails naming {@code what} after {@code deadline}. */
  public static void until(Duration deadline, String what, BooleanSupplier condition) {
    long end = System.nanoTime() + deadline.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        fail("not within " + deadline.toMillis() + " ms: " + what);
      }
      LockSupport.parkNanos(INTERVAL_NANOS);
    }
  }

  /** Milliseconds until the condition held, or fails after the deadline. */
  public static long millisUntil(Duration deadline, String what, BooleanSupplier condition) {
    long start = System.nanoTime();
    until(deadline, what, condition);
    return (System.nanoTime() - start) / 1_000_000L;
  }

  /**
   * Polls {@code value} until it is non-null and not false and returns it; fails naming {@code
   * what} and the last value seen after {@code within}.
   */
  public static <T> T await(String what, Duration within, Supplier<T> value) {
    long end = System.nanoTime() + within.toNanos();
    T last = null;
    while (System.nanoTime() < end) {
      last = value.get();
      if (last != null && !Boolean.FALSE.equals(last)) {
        return last;
      }
      LockSupport.parkNanos(INTERVAL_NANOS);
    }
    throw new AssertionError("timed out after " + within.toSeconds() + " s waiting for " + what
        + " (last seen: " + last + ")");
  }
}
