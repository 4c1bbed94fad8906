package dev.roster.lookup;

import dev.roster.model.User;
import io.vertx.core.Future;

/**
 * Where pushed changes enter an app (verified Clerk webhooks, admin purges): applied to this
 * replica's directory and, in a cluster, handed on to the other replicas. {@link #local} is a
 * single node: the directory itself. The cluster's feed applies through the same {@link
 * DirectoryChanges} methods first, then publishes.
 */
public interface ChangeFeed extends DirectoryChanges {
  /** An admin purge of one user: evicted (no tombstone); the next read asks the upstream. */
  void evictUser(String userId);

  /**
   * Completes once every change made so far through this feed has been handed on (published
   * to the cluster, or queued for it while Redis is away); at once on a single node. The HTTP
   * layer answers a webhook or purge after it, so "answered" means "on its way everywhere".
   */
  Future<Void> handedOn();

  /** A single node's feed: changes go straight to {@code directory}. */
  static ChangeFeed local(AppDirectory directory) {
    return new ChangeFeed() {
      @Override
      public void userUpserted(User user) {
        directory.userUpserted(user);
      }

      @Override
      public void userDeleted(String userId) {
        directory.userDeleted(userId);
      }

      @Override
      public void membersChanged(String orgId) {
        directory.membersChanged(orgId);
      }

      @Override
      public void clear() {
        directory.clear();
      }

      @Override
      public void evictUser(String userId) {
        directory.evictUser(userId);
      }

      @Override
      public Future<Void> handedOn() {
        return Future.succeededFuture();
      }
    };
  }
}
