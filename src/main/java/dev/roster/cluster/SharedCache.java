package dev.roster.cluster;

import dev.roster.cache.SharedTier;
import dev.roster.config.CacheOptions;
import dev.roster.metrics.ClusterMetrics;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * The second-level cache of one app in Redis, one {@link SharedRegion} per region: values
 * another replica fetched serve this one while fresh, and a per-key fill lock makes
 * concurrent misses on several replicas one upstream request. Only consulted while the replica
 * is synced; otherwise (and on any Redis error or timeout) a miss goes straight upstream, as on
 * a single node.
 */
final class SharedCache implements SharedTier.Source {
  /** Version and generation of a deletion tombstone: newer than any fill, never retired. */
  static final long TOMBSTONE = 1L << 53;
  /** How long a tombstone keeps a deleted user from coming back through the shared level. */
  static final Duration TOMBSTONE_LIFE = Duration.ofMinutes(10);

  private final Vertx vertx;
  private final RedisAccess redis;
  private final ClusterKeys keys;
  private final ClusterState state;
  private final ClusterMetrics metrics;
  private final String app;
  private final CacheOptions cache;
  private final Duration lockWait;
  private final Duration lockLife;
  private final String podId;

  SharedCache(Vertx vertx, RedisAccess redis, ClusterKeys keys, ClusterState state,
      ClusterMetrics metrics, String app, CacheOptions cache, Duration lockWait,
      Duration lockLife, String podId) {
    this.vertx = vertx;
    this.redis = redis;
    this.keys = keys;
    this.state = state;
    this.metrics = metrics;
    this.app = app;
    this.cache = cache;
    this.lockWait = lockWait;
    this.lockLife = lockLife;
    this.podId = podId;
  }

  @Override
  public <V> SharedTier<V> tier(String region, SharedTier.Codec<V> codec, Predicate<V> negative) {
    return new SharedRegion<>(this, region, codec, negative);
  }

  Vertx vertx() {
    return vertx;
  }

  RedisAccess redis() {
    return redis;
  }

  ClusterKeys keys() {
    return keys;
  }

  ClusterState state() {
    return state;
  }

  ClusterMetrics metrics() {
    return metrics;
  }

  String app() {
    return app;
  }

  CacheOptions cache() {
    return cache;
  }

  Duration lockWait() {
    return lockWait;
  }

  Duration lockLife() {
    return lockLife;
  }

  String podId() {
    return podId;
  }
}
