package dev.roster.cluster;

import dev.roster.cache.SharedTier;
import dev.roster.config.AppOptions;
import dev.roster.config.ClusterOptions;
import dev.roster.config.UpstreamOptions;
import dev.roster.lookup.AppDirectory;
import dev.roster.lookup.ChangeFeed;
import dev.roster.metrics.ClusterMetrics;
import dev.roster.time.TimeSource;
import dev.roster.upstream.channel.ChannelGuards;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisRole;
import io.vertx.redis.client.RedisOptions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the replicas of one cluster share through Redis (SPEC §9): the events stream that
 * carries every webhook and admin purge to every replica, one upstream budget and 429 hold per
 * credential, and (see {@link SharedCache}) the second-level cache with its fill locks. Built
 * before the apps are wired ({@link #guards()} goes into every channel, {@link #feed} in front
 * of every app's directory), started after. Without Redis the replica serves on its own and
 * keeps trying; Redis never gates start-up or readiness.
 */
public final class Cluster {
  private final ClusterOptions options;
  private final Context context;
  private final ClusterKeys keys;
  private final ClusterState state = new ClusterState();
  private final ClusterMetrics metrics;
  private final RedisAccess redis;
  private final Publisher publisher;
  private final SharedHolds holds;
  private final ClusterGuards guards;
  private final PodHeartbeat heartbeat;
  private final Map<String, ChangeFeed> localFeeds = new ConcurrentHashMap<>();
  private final EventStream stream;
  private final Vertx vertx;

  private Cluster(Vertx vertx, ClusterOptions options, TimeSource time, MeterRegistry registry) {
    this.options = options;
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.keys = new ClusterKeys(options.name());
    this.metrics = new ClusterMetrics(registry);
    RedisOptions redisOptions = redisOptions(options);
    this.redis = new RedisAccess(Redis.createClient(vertx, redisOptions), options.opTimeout());
    this.holds = new SharedHolds(time, keys, options.podId());
    this.publisher = new Publisher(context, redis, keys, state, metrics, options.eventsMaxLen(),
        options.outbox(), options.podId(), new SharedEffects(keys)::of);
    this.heartbeat = new PodHeartbeat(vertx, redis, keys, state, options.podId(),
        options.expectedReplicas());
    RedisProxyManager proxies = new RedisProxyManager(redis,
        ClientSideConfig.getDefault()
            .withClientClock(TimeMeter.SYSTEM_MILLISECONDS)
            .withRequestTimeout(options.opTimeout())
            .withMaxRetries(10),
        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)));
    this.guards = new ClusterGuards(
        (hash, rps) -> new SharedBudget(proxies, keys.budget(hash), rps, state, metrics, time,
            heartbeat::livePods, options.opTimeout()),
        holds);
    holds.connect(redis, publisher::publish);
    EventApplier applier = new EventApplier(options.podId(), localFeeds, holds, metrics);
    this.stream = new EventStream(vertx, redisOptions, keys, state, metrics, options.opTimeout(),
        applier::apply, reason -> applier.clearAll(), this::onSynced);
    metrics.gauges(() -> state.synced() ? 1 : 0, publisher::size, heartbeat::livePods);
  }

  /** The cluster of {@code options}; nothing is connected before {@link #start()}. */
  public static Cluster create(Vertx vertx, ClusterOptions options, TimeSource time,
      MeterRegistry registry) {
    return new Cluster(vertx, options, time, registry);
  }

  /** The budget and 429 hold every upstream channel draws from: shared per credential. */
  public ChannelGuards guards() {
    return guards;
  }

  /**
   * The feed in front of app {@code app}'s directory: webhooks and admin purges go through it
   * (applied here, then published); other replicas' events are applied to {@code directory}.
   */
  public ChangeFeed feed(String app, AppDirectory directory) {
    ChangeFeed local = ChangeFeed.local(directory);
    localFeeds.put(app, local);
    return new ClusterChangeFeed(app, local, publisher, options.podId());
  }

  /**
   * The second-level cache of app {@code app} in Redis, for its directory's regions. Its fill
   * locks live as long as the app's slowest upstream deadline plus one second, so a lock whose
   * holder died frees itself.
   */
  public SharedTier.Source sharedCache(AppOptions app) {
    Duration slowest = Duration.ZERO;
    for (UpstreamOptions upstream : new UpstreamOptions[] {app.clerk(), app.lexful()}) {
      if (upstream != null && upstream.timeout().compareTo(slowest) > 0) {
        slowest = upstream.timeout();
      }
    }
    return new SharedCache(vertx, redis, keys, state, metrics, app.name(), app.cache(),
        options.lockWait(), slowest.plusSeconds(1), options.podId());
  }

  /** Connects in the background; returns at once (a replica without Redis still starts). */
  public void start() {
    context.runOnContext(v -> {
      stream.start();
      heartbeat.start();
    });
  }

  /** Whether this replica is in step with the cluster now. */
  public boolean connected() {
    return state.synced();
  }

  public Future<Void> close() {
    io.vertx.core.Promise<Void> closed = io.vertx.core.Promise.promise();
    context.runOnContext(v -> {
      stream.close();
      heartbeat.stop();
      redis.close();
      closed.complete();
    });
    return closed.future();
  }

  private void onSynced() {
    heartbeat.beat();
    holds.refresh();
    publisher.drain();
  }

  private static RedisOptions redisOptions(ClusterOptions options) {
    RedisOptions redis = new RedisOptions();
    if (options.sentinels().isEmpty()) {
      redis.setConnectionString(options.redisUrl());
    } else {
      // Sentinel: the client asks the sentinels for the current master on each connect, so a
      // failover is followed by the next reconnect (and detected by the epoch key).
      redis.setType(RedisClientType.SENTINEL)
          .setEndpoints(options.sentinels())
          .setMasterName(options.masterName())
          .setRole(RedisRole.MASTER);
    }
    redis
        .setMaxPoolSize(16)
        .setMaxPoolWaiting(1024)
        .setMaxWaitingHandlers(4096)
        .setNetClientOptions(new NetClientOptions()
            .setConnectTimeout((int) Math.max(500, options.opTimeout().toMillis() * 4))
            .setTcpKeepAlive(true)
            .setTcpNoDelay(true));
    if (options.password() != null) {
      redis.setPassword(options.password());
    }
    return redis;
  }
}
