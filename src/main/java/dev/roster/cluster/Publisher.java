package dev.roster.cluster;

import dev.roster.metrics.ClusterMetrics;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * Writes this replica's events to the stream ({@code XADD MAXLEN ~}), in order, through an
 * outbox: an event waits there while Redis is away and goes out when the replica is synced
 * again. The outbox is bounded; when it overflows its events are dropped and a {@code
 * cluster.clear} is published instead on reconnect (every replica then drops what it cannot
 * vouch for). Each event may come with side effects on shared data (an L2 tombstone, a
 * generation bump) sent in the same batch before it. Confined to one context.
 */
final class Publisher {
  private static final int BATCH = 100;
  private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(1);

  private final Context context;
  private final RedisAccess redis;
  private final ClusterKeys keys;
  private final ClusterState state;
  private final ClusterMetrics metrics;
  private final int maxLen;
  private final int capacity;
  private final Function<ClusterEvent, List<Request>> sideEffects;
  private final String podId;
  private final Deque<Pending> outbox = new ArrayDeque<>();
  private volatile int size;
  private boolean overflowed;
  private boolean draining;

  Publisher(Context context, RedisAccess redis, ClusterKeys keys, ClusterState state,
      ClusterMetrics metrics, int maxLen, int capacity, String podId,
      Function<ClusterEvent, List<Request>> sideEffects) {
    this.context = context;
    this.redis = redis;
    this.keys = keys;
    this.state = state;
    this.metrics = metrics;
    this.maxLen = maxLen;
    this.capacity = capacity;
    this.podId = podId;
    this.sideEffects = sideEffects;
  }

  /**
   * Queues the event for the stream. Completes when it was written, or at once while Redis is
   * away (it waits in the outbox); never fails.
   */
  Future<Void> publish(ClusterEvent event) {
    Promise<Void> handedOn = Promise.promise();
    context.runOnContext(v -> {
      if (outbox.size() >= capacity) {
        outbox.forEach(p -> p.handedOn.tryComplete());
        outbox.clear();
        overflowed = true;
      }
      outbox.addLast(new Pending(event, handedOn));
      size = outbox.size();
      if (!state.synced()) {
        handedOn.tryComplete();
      }
      drain();
    });
    return handedOn.future();
  }

  /** Events waiting to be published. */
  int size() {
    return size;
  }

  /** Sends what waits, in order, while synced; called again on every reconnect. */
  void drain() {
    context.runOnContext(v -> drainOnContext());
  }

  private void drainOnContext() {
    if (draining || !state.synced() || (outbox.isEmpty() && !overflowed)) {
      return;
    }
    draining = true;
    if (overflowed) {
      overflowed = false;
      outbox.addFirst(new Pending(
          ClusterEvent.of(podId, System.currentTimeMillis(), null, ClusterEvent.CLUSTER_CLEAR,
              null),
          Promise.promise()));
    }
    List<Pending> batch = new ArrayList<>();
    List<Request> requests = new ArrayList<>();
    for (Pending p : outbox) {
      if (batch.size() == BATCH) {
        break;
      }
      batch.add(p);
      requests.addAll(sideEffects.apply(p.event));
      requests.add(Request.cmd(Command.XADD).arg(keys.events()).arg("MAXLEN").arg("~")
          .arg(maxLen).arg("*").arg("m").arg(p.event.encode()));
    }
    redis.batch(requests, WRITE_TIMEOUT).onComplete(ar -> {
      draining = false;
      if (ar.succeeded()) {
        for (Pending p : batch) {
          outbox.remove(p);
          metrics.published();
          p.handedOn.tryComplete();
        }
        size = outbox.size();
        drainOnContext();
      } else {
        // Kept in order; answered as queued; tried again on the next reconnect or publish.
        batch.forEach(p -> p.handedOn.tryComplete());
        context.owner().setTimer(1_000, id -> drainOnContext());
      }
    });
  }

  private record Pending(ClusterEvent event, Promise<Void> handedOn) {}
}
