package dev.roster.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.roster.time.TimeSource;
import java.util.function.BiFunction;
import java.util.function.ToLongBiFunction;

/**
 * A size-bounded map whose entries expire at a per-entry time, on Roster's {@link TimeSource}.
 * Used for verified tokens, webhook ids and rate-limit buckets: anywhere memory must stay bounded
 * however many distinct keys arrive.
 */
public final class ExpiringMap<K, V> {
  private final Cache<K, V> cache;

  /**
   * @param maxEntries the bound on entries (least recently/frequently used go first)
   * @param nanosToLive how long an entry lives from its write, in nanoseconds
   */
  public ExpiringMap(long maxEntries, TimeSource time, ToLongBiFunction<K, V> nanosToLive) {
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(maxEntries)
            .ticker(time::nanoTime)
            // Maintenance (read-buffer drains, expiry, eviction) runs on the calling thread, in
            // small amortised steps: handing it to the common pool cost more in thread wake-ups
            // (futex calls, context switches) than the work itself, on every busy event loop.
            .executor(Runnable::run)
            .expireAfter(
                new Expiry<K, V>() {
                  @Override
                  public long expireAfterCreate(K key, V value, long currentTime) {
                    return Math.max(0, nanosToLive.applyAsLong(key, value));
                  }

                  @Override
                  public long expireAfterUpdate(K key, V value, long currentTime, long current) {
                    return Math.max(0, nanosToLive.applyAsLong(key, value));
                  }

                  @Override
                  public long expireAfterRead(K key, V value, long currentTime, long current) {
                    return current;
                  }
                })
            .build();
  }

  /** The live value, or null. */
  public V get(K key) {
    return cache.getIfPresent(key);
  }

  /** Atomically remaps a key, as {@link java.util.Map#compute}; null removes it. */
  public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remap) {
    return cache.asMap().compute(key, remap);
  }

  /** Stores a value, replacing any other. */
  public void put(K key, V value) {
    cache.put(key, value);
  }

  /** Stores the value only if no live value is there; returns the value that was there. */
  public V putIfAbsent(K key, V value) {
    return cache.asMap().putIfAbsent(key, value);
  }

  public void remove(K key) {
    cache.invalidate(key);
  }

  /** Removes every entry whose value matches. */
  public void removeIf(java.util.function.Predicate<V> matches) {
    cache.asMap().values().removeIf(matches);
  }

  /** An estimate of the live entries. */
  public long size() {
    cache.cleanUp();
    return cache.estimatedSize();
  }
}
