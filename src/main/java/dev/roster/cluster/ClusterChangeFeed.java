package dev.roster.cluster;

import dev.roster.lookup.ChangeFeed;
import dev.roster.lookup.UserCodec;
import dev.roster.model.User;
import io.vertx.core.Future;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One app's {@link ChangeFeed} in a cluster: applies each change to this replica first,
 * exactly as a single node does (the local feed), then publishes it for the others. {@link
 * #handedOn()} waits for the publications made so far, so a webhook is answered once its
 * change is in the stream (or queued in the outbox while Redis is away). Thread-safe.
 */
final class ClusterChangeFeed implements ChangeFeed {
  private final String app;
  private final ChangeFeed local;
  private final Publisher publisher;
  private final String podId;
  private final Set<Future<Void>> inFlight = ConcurrentHashMap.newKeySet();

  ClusterChangeFeed(String app, ChangeFeed local, Publisher publisher, String podId) {
    this.app = app;
    this.local = local;
    this.publisher = publisher;
    this.podId = podId;
  }

  @Override
  public void userUpserted(User user) {
    local.userUpserted(user);
    publish(ClusterEvent.USER_UPSERTED, user.id(), UserCodec.encode(user));
  }

  @Override
  public void userDeleted(String userId) {
    local.userDeleted(userId);
    publish(ClusterEvent.USER_DELETED, userId, null);
  }

  @Override
  public void membersChanged(String orgId) {
    local.membersChanged(orgId);
    publish(ClusterEvent.ORG_CHANGED, orgId, null);
  }

  @Override
  public void clear() {
    local.clear();
    publish(ClusterEvent.APP_CLEARED, null, null);
  }

  @Override
  public void evictUser(String userId) {
    local.evictUser(userId);
    publish(ClusterEvent.USER_EVICTED, userId, null);
  }

  @Override
  public Future<Void> handedOn() {
    if (inFlight.isEmpty()) {
      return Future.succeededFuture();
    }
    return Future.join(java.util.List.copyOf(inFlight)).mapEmpty();
  }

  private void publish(String type, String key, Object user) {
    ClusterEvent event = ClusterEvent.of(podId, System.currentTimeMillis(), app, type, key);
    if (user != null) {
      event.with("user", user);
    }
    Future<Void> sent = publisher.publish(event);
    inFlight.add(sent);
    sent.onComplete(done -> inFlight.remove(sent));
  }
}
