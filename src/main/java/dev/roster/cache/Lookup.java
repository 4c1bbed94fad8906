package dev.roster.cache;

/**
 * What a cache read answered: the entry and how it was obtained. Read {@link
 * CacheEntry#ttlSeconds(long)} for the freshness left.
 */
public record Lookup<V>(CacheEntry<V> entry, CacheOutcome outcome) {
  public V value() {
    return entry.value();
  }
}
