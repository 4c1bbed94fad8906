package dev.roster.lookup;

/**
 * A caller has used its share of the upstream budget for cache misses: answered 429 {@code
 * RATE_LIMITED} with {@code Retry-After}, to that caller only. Stack-less: it is expected.
 */
public final class MissShareExceeded extends RuntimeException {
  private final long retryAfterSeconds;

  MissShareExceeded(long retryAfterSeconds) {
    super("caller exceeded its share of upstream fetches", null, false, false);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Whole seconds (at least 1) until the caller's share allows another fetch. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
