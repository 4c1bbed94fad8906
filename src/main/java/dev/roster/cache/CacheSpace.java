package dev.roster.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.roster.config.CacheOptions;
import dev.roster.metrics.CacheMetrics;
import dev.roster.time.TimeSource;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * One app's cache: a single Caffeine cache bounded by {@code cache.maxBytes} (weighed by the
 * ready-made bytes each entry holds), shared by the app's regions (users, member lists). Apps
 * never share a space, so nothing cached for one app can be served to another.
 */
public final class CacheSpace {
  private final Cache<RegionKey, CacheEntry<?>> store;
  private final CacheOptions options;
  private final TimeSource time;
  private final CacheMetrics metrics;
  private volatile long clearedAtNanos = Long.MIN_VALUE;

  public CacheSpace(CacheOptions options, TimeSource time, CacheMetrics metrics) {
    this.options = options;
    this.time = time;
    this.metrics = metrics;
    this.store =
        Caffeine.newBuilder()
            .maximumWeight(options.maxBytes())
            .weigher((RegionKey k, CacheEntry<?> e) -> (int) Math.min(Integer.MAX_VALUE, e.weight()))
            .expireAfter(new UsableLife())
            .ticker(time::nanoTime)
            // Maintenance (read-buffer drains, expiry, eviction) runs on the calling thread, in
            // small amortised steps: handing it to the common pool cost more in thread wake-ups
            // (futex calls, context switches) than the work itself, on every busy event loop.
            .executor(Runnable::run)
            .evictionListener(
                (RegionKey k, CacheEntry<?> e, com.github.benmanes.caffeine.cache.RemovalCause c) ->
                    metrics.eviction(k.region(), c.name().toLowerCase(java.util.Locale.ROOT)))
            .build();
    metrics.bytesHeld(this::weightedBytes);
  }

  /**
   * A region of this space holding values of one kind.
   *
   * @param weigher the approximate bytes a value holds
   * @param negative which values are "not found" answers, kept for {@code notFoundTtl}
   */
  public <V> StaleCache<V> region(String name, ToLongFunction<V> weigher, Predicate<V> negative) {
    return new StaleCache<>(name, this, weigher, negative, null);
  }

  /** As {@link #region(String, ToLongFunction, Predicate)}, with misses going through {@code tier} (null: none). */
  public <V> StaleCache<V> region(
      String name, ToLongFunction<V> weigher, Predicate<V> negative, SharedTier<V> tier) {
    return new StaleCache<>(name, this, weigher, negative, tier);
  }

  /** Evicts everything; fetches already in flight will not be stored. */
  public void clear() {
    clearedAtNanos = time.nanoTime();
    store.invalidateAll();
  }

  /** The weighted size of what is held, in bytes (after pending maintenance). */
  public long weightedBytes() {
    store.cleanUp();
    return store.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
  }

  Cache<RegionKey, CacheEntry<?>> store() {
    return store;
  }

  /** The monotonic clock this space runs on. */
  public long timeNanos() {
    return time.nanoTime();
  }

  CacheOptions options() {
    return options;
  }

  TimeSource time() {
    return time;
  }

  CacheMetrics metrics() {
    return metrics;
  }

  long clearedAtNanos() {
    return clearedAtNanos;
  }

  record RegionKey(String region, String key) {}

  /** An entry lives as long as it may still be served, fresh or stale. */
  private final class UsableLife implements Expiry<RegionKey, CacheEntry<?>> {
    @Override
    public long expireAfterCreate(RegionKey key, CacheEntry<?> entry, long currentTime) {
      return Math.max(0, entry.usableUntilNanos() - currentTime);
    }

    @Override
    public long expireAfterUpdate(
        RegionKey key, CacheEntry<?> entry, long currentTime, long currentDuration) {
      return Math.max(0, entry.usableUntilNanos() - currentTime);
    }

    @Override
    public long expireAfterRead(
        RegionKey key, CacheEntry<?> entry, long currentTime, long currentDuration) {
      return currentDuration;
    }
  }
}
