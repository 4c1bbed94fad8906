package dev.roster.cluster;

import dev.roster.time.TimeSource;
import dev.roster.upstream.channel.RateLimitHold;
import dev.roster.upstream.channel.UpstreamHold;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The 429 holds of this replica, one per upstream credential (keyed by its hash): a 429 seen
 * here holds every channel of that credential at once, is written to Redis ({@code
 * P:hold:<hash>}, expiring with the hold) and published as an {@code upstream.hold} event, so
 * every replica holds too. A hold received from another replica is applied locally only.
 * Thread-safe.
 */
final class SharedHolds {
  private final TimeSource time;
  private final Map<String, RateLimitHold> holds = new ConcurrentHashMap<>();
  private volatile Consumer<ClusterEvent> publish = e -> {};
  private volatile RedisAccess redis;
  private final ClusterKeys keys;
  private final String podId;

  SharedHolds(TimeSource time, ClusterKeys keys, String podId) {
    this.time = time;
    this.keys = keys;
    this.podId = podId;
  }

  /** Where holds seen here go; set once the cluster's publisher exists. */
  void connect(RedisAccess redis, Consumer<ClusterEvent> publish) {
    this.redis = redis;
    this.publish = publish;
  }

  /** The hold a channel of the credential {@code hash} obeys and sets. */
  UpstreamHold forCredential(String hash) {
    RateLimitHold local = local(hash);
    return new UpstreamHold() {
      @Override
      public void holdFor(Duration delay) {
        local.holdFor(delay);
        share(hash, delay);
      }

      @Override
      public Duration remaining() {
        return local.remaining();
      }
    };
  }

  /**
   * Reads the holds other replicas set while this one was away (on every reconnect): an event
   * missed across a {@code clear} resync would otherwise be lost, the key is not.
   */
  void refresh() {
    RedisAccess access = redis;
    if (access == null) {
      return;
    }
    for (String hash : holds.keySet()) {
      access.send(Request.cmd(Command.GET).arg(keys.hold(hash))).onSuccess(value -> {
        if (value != null) {
          long left = Long.parseLong(value.toString()) - System.currentTimeMillis();
          if (left > 0) {
            applyRemote(hash, Duration.ofMillis(left));
          }
        }
      });
    }
  }

  /** A hold published by another replica. */
  void applyRemote(String hash, Duration delay) {
    local(hash).holdFor(delay);
  }

  private RateLimitHold local(String hash) {
    return holds.computeIfAbsent(hash, h -> new RateLimitHold(time));
  }

  private void share(String hash, Duration delay) {
    long until = System.currentTimeMillis() + delay.toMillis();
    RedisAccess access = redis;
    if (access != null) {
      access.send(Request.cmd(Command.SET).arg(keys.hold(hash)).arg(until)
          .arg("PX").arg(Math.max(1, delay.toMillis())));
    }
    publish.accept(ClusterEvent.of(podId, System.currentTimeMillis(), null,
        ClusterEvent.UPSTREAM_HOLD, hash).with("until", until));
  }
}
