package dev.roster.cluster;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Reconnect delays: 100 ms doubling to 5 s, each with ±20 % jitter so replicas that lost Redis
 * together do not all knock at once when it returns. Not thread-safe; one per connection loop.
 */
final class Backoff {
  static final long FIRST_MS = 100;
  static final long MAX_MS = 5_000;
  private long next = FIRST_MS;

  long nextDelayMillis() {
    long base = next;
    next = Math.min(MAX_MS, next * 2);
    double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
    return Math.max(1, (long) (base * jitter));
  }

  void reset() {
    next = FIRST_MS;
  }
}
