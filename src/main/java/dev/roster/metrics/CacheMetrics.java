package dev.roster.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The cache's meters for one app: lookups by region ({@code user}, {@code org}) and result,
 * evictions, and the bytes held. Counters are created once, so the hit path only increments.
 */
public final class CacheMetrics {
  public static final String LOOKUPS = "roster_cache_lookups_total";
  public static final String EVICTIONS = "roster_cache_evictions_total";
  public static final String BYTES = "roster_cache_bytes";

  private final MeterRegistry registry;
  private final String app;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  public CacheMetrics(MeterRegistry registry, String app) {
    this.registry = registry;
    this.app = app;
  }

  /** The lookup counters of one region, made once so counting a hit is one increment. */
  public RegionLookups region(String region) {
    return new RegionLookups(
        counter(LOOKUPS, region, "result", "hit"),
        counter(LOOKUPS, region, "result", "stale"),
        counter(LOOKUPS, region, "result", "stale_if_error"),
        counter(LOOKUPS, region, "result", "miss"),
        counter(LOOKUPS, region, "result", "collapsed"));
  }

  /** Lookups of one region by result. */
  public record RegionLookups(
      Counter hit, Counter stale, Counter staleIfError, Counter miss, Counter collapsed) {}

  /** Counts one entry evicted for size or expiry. */
  public void eviction(String region, String cause) {
    counter(EVICTIONS, region, "cause", cause).increment();
  }

  /** Publishes the weighted size of the app's cache. */
  public void bytesHeld(Supplier<Number> bytes) {
    Gauge.builder(BYTES, bytes).tag("app", app).register(registry);
  }

  private Counter counter(String name, String region, String tagName, String tagValue) {
    String key = name + '|' + region + '|' + tagValue;
    Counter counter = counters.get(key);
    if (counter == null) {
      counter =
          counters.computeIfAbsent(
              key,
              k ->
                  Counter.builder(name)
                      .tag("app", app)
                      .tag("region", region)
                      .tag(tagName, tagValue)
                      .register(registry));
    }
    return counter;
  }
}
