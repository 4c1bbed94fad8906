package dev.roster.upstream.channel;

import dev.roster.time.TimeSource;
import java.time.Duration;

/**
 * The whole-response deadline of one exchange, as a point in real time. It is read on the
 * JVM's own clock, not the injected one, because it must agree with the Vert.x timer that
 * enforces it, and Vert.x timers run on real time.
 */
final class Deadline {
  private static final TimeSource REAL = TimeSource.system();
  private final long expiresAt;

  private Deadline(long expiresAt) {
    this.expiresAt = expiresAt;
  }

  static Deadline after(Duration timeout) {
    return new Deadline(REAL.nanoTime() + timeout.toNanos());
  }

  /** Milliseconds left, never negative. */
  long remainingMillis() {
    return Math.max(0, (expiresAt - REAL.nanoTime()) / 1_000_000L);
  }
}
