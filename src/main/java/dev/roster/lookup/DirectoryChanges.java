package dev.roster.lookup;

import dev.roster.model.User;

/**
 * What an app's directory is told by pushed events (Clerk webhooks, admin purges). A deleted
 * user leaves a tombstone: no stale copy of it, nor a member list naming it, is served again.
 */
public interface DirectoryChanges {
  /** A user was created or updated: replace the cached copy (write-through). */
  void userUpserted(User user);

  /** A user was deleted: evict it, leave a tombstone, and drop every list that names it. */
  void userDeleted(String userId);

  /** An organisation's membership changed or it was deleted: evict its member list. */
  void membersChanged(String orgId);

  /** Evict everything this app holds. */
  void clear();
}
