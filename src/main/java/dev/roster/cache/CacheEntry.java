package dev.roster.cache;

/**
 * One stored value with its life times on the monotonic clock. {@code storedAtNanos} is when the
 * fetch that produced it started, so "newer data wins" compares what the upstream knew, not when
 * the answer happened to arrive.
 */
public final class CacheEntry<V> {
  private final V value;
  private final long storedAtNanos;
  private final long freshUntilNanos;
  private final long revalidateUntilNanos;
  private final long usableUntilNanos;
  private final long weight;

  CacheEntry(
      V value,
      long storedAtNanos,
      long freshUntilNanos,
      long revalidateUntilNanos,
      long usableUntilNanos,
      long weight) {
    this.value = value;
    this.storedAtNanos = storedAtNanos;
    this.freshUntilNanos = freshUntilNanos;
    this.revalidateUntilNanos = revalidateUntilNanos;
    this.usableUntilNanos = usableUntilNanos;
    this.weight = weight;
  }

  CacheEntry<V> withValue(V newValue, java.util.function.ToLongFunction<V> weigher) {
    return new CacheEntry<>(
        newValue,
        storedAtNanos,
        freshUntilNanos,
        revalidateUntilNanos,
        usableUntilNanos,
        weigher.applyAsLong(newValue));
  }

  public V value() {
    return value;
  }

  public long storedAtNanos() {
    return storedAtNanos;
  }

  /** Whole seconds of freshness left at {@code nowNanos}; negative once stale (RFC 9211 ttl). */
  public long ttlSeconds(long nowNanos) {
    return Math.floorDiv(freshUntilNanos - nowNanos, 1_000_000_000L);
  }

  boolean isFresh(long nowNanos) {
    return nowNanos < freshUntilNanos;
  }

  boolean isRevalidatable(long nowNanos) {
    return nowNanos < revalidateUntilNanos;
  }

  boolean isUsable(long nowNanos) {
    return nowNanos < usableUntilNanos;
  }

  long usableUntilNanos() {
    return usableUntilNanos;
  }

  long weight() {
    return weight;
  }
}
