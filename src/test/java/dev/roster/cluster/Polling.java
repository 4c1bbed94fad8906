package dev.roster.cluster;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline, checking every 10 ms; never a fixed sleep. */
final class Polling {
  private Polling() {}

  static void until(Duration deadline, String what, BooleanSupplier condition) {
    long end = System.nanoTime() + deadline.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        fail("not within " + deadline.toMillis() + " ms: " + what);
      }
      LockSupport.parkNanos(10_000_000L);
    }
  }

  /** Milliseconds until the condition held, or fails after the deadline. */
  static long millisUntil(Duration deadline, String what, BooleanSupplier condition) {
    long start = System.nanoTime();
    until(deadline, what, condition);
    return (System.nanoTime() - start) / 1_000_000L;
  }
}
