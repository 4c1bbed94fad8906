package dev.roster.cluster;

import dev.roster.lookup.ChangeFeed;
import dev.roster.lookup.UserCodec;
import dev.roster.metrics.ClusterMetrics;
import dev.roster.model.User;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;

/**
 * Applies another replica's event to this one, through the same directory methods a local
 * webhook or admin purge uses (so a change of what, say, {@code userDeleted} does applies
 * cluster-wide unchanged). Own events are skipped: the publisher applied them first. An event
 * this release does not understand (a newer {@code v}, an unknown type, a user that does not
 * decode) clears the app it names, or every app: safe during a rolling upgrade. Applying twice
 * is harmless, so replays after a reconnect need no bookkeeping. Thread-safe.
 */
final class EventApplier {
  private final String podId;
  private final Map<String, ChangeFeed> apps;
  private final SharedHolds holds;
  private final ClusterMetrics metrics;

  EventApplier(String podId, Map<String, ChangeFeed> apps, SharedHolds holds,
      ClusterMetrics metrics) {
    this.podId = podId;
    this.apps = apps;
    this.holds = holds;
    this.metrics = metrics;
  }

  void apply(ClusterEvent event) {
    if (podId.equals(event.src())) {
      return;
    }
    String type = event.type() == null ? "unknown" : event.type();
    if (event.version() > ClusterEvent.VERSION) {
      clearFor(event);
      metrics.applied("unknown", lag(event));
      return;
    }
    ChangeFeed app = event.app() == null ? null : apps.get(event.app());
    boolean known = switch (type) {
      case ClusterEvent.USER_UPSERTED -> upsert(app, event);
      case ClusterEvent.USER_DELETED -> withKey(app, event, k -> app.userDeleted(k));
      case ClusterEvent.USER_EVICTED -> withKey(app, event, k -> app.evictUser(k));
      case ClusterEvent.ORG_CHANGED -> withKey(app, event, k -> app.membersChanged(k));
      case ClusterEvent.APP_CLEARED -> {
        if (app != null) {
          app.clear();
        }
        yield true;
      }
      case ClusterEvent.UPSTREAM_HOLD -> hold(event);
      case ClusterEvent.CLUSTER_CLEAR -> {
        clearAll();
        yield true;
      }
      default -> false;
    };
    if (!known) {
      clearFor(event);
      type = "unknown";
    }
    metrics.applied(type, lag(event));
  }

  /** Drops every app's cache (a resync that cannot replay). */
  void clearAll() {
    apps.values().forEach(ChangeFeed::clear);
  }

  private boolean upsert(ChangeFeed app, ClusterEvent event) {
    if (app == null) {
      return true;
    }
    User user;
    try {
      JsonObject json = event.json().getJsonObject("user");
      user = json == null ? null : UserCodec.decode(json);
    } catch (RuntimeException undecodable) {
      user = null;
    }
    if (user == null) {
      return false;
    }
    app.userUpserted(user);
    return true;
  }

  private boolean hold(ClusterEvent event) {
    Long until = event.json().getLong("until");
    if (event.key() == null || until == null) {
      return false;
    }
    long left = until - System.currentTimeMillis();
    if (left > 0) {
      holds.applyRemote(event.key(), Duration.ofMillis(left));
    }
    return true;
  }

  private static boolean withKey(ChangeFeed app, ClusterEvent event,
      java.util.function.Consumer<String> act) {
    if (event.key() == null) {
      return false;
    }
    if (app != null) {
      act.accept(event.key());
    }
    return true;
  }

  private void clearFor(ClusterEvent event) {
    ChangeFeed app = event.app() == null ? null : apps.get(event.app());
    if (app != null) {
      app.clear();
    } else {
      clearAll();
    }
  }

  private static long lag(ClusterEvent event) {
    return event.at() == 0 ? 0 : System.currentTimeMillis() - event.at();
  }
}
