package dev.roster.cluster;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.util.List;

/**
 * Announces this replica every 2 s in the sorted set {@code P:pods} (score: the time seen) and
 * counts the replicas seen within 10 s: the divisor of each replica's local budget share while
 * Redis is away. Before Redis was ever reached the count is {@code cluster.expectedReplicas}.
 */
final class PodHeartbeat {
  static final long EVERY_MS = 2_000;
  static final long ALIVE_MS = 10_000;

  private final Vertx vertx;
  private final RedisAccess redis;
  private final ClusterKeys keys;
  private final ClusterState state;
  private final String podId;
  private volatile int livePods;
  private long timer = -1;

  PodHeartbeat(Vertx vertx, RedisAccess redis, ClusterKeys keys, ClusterState state,
      String podId, int expectedReplicas) {
    this.vertx = vertx;
    this.redis = redis;
    this.keys = keys;
    this.state = state;
    this.podId = podId;
    this.livePods = expectedReplicas;
  }

  int livePods() {
    return livePods;
  }

  void start() {
    timer = vertx.setPeriodic(0, EVERY_MS, id -> beat());
  }

  /** Beats now (also called when the replica becomes synced). */
  void beat() {
    if (!state.synced()) {
      return;
    }
    long now = System.currentTimeMillis();
    redis.batch(List.of(
            Request.cmd(Command.ZADD).arg(keys.pods()).arg(now).arg(podId),
            Request.cmd(Command.ZREMRANGEBYSCORE).arg(keys.pods()).arg("-inf")
                .arg(now - ALIVE_MS),
            Request.cmd(Command.ZCARD).arg(keys.pods())), redis.opTimeout())
        .onSuccess(replies -> livePods = Math.max(1, replies.get(2).toInteger()));
  }

  void stop() {
    if (timer != -1) {
      vertx.cancelTimer(timer);
    }
    if (state.synced()) {
      redis.send(Request.cmd(Command.ZREM).arg(keys.pods()).arg(podId));
    }
  }
}
