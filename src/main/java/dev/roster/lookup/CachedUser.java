package dev.roster.lookup;

import dev.roster.model.User;

/**
 * What the user region holds: the user with both ready-made views, or the "not found" answer
 * (a 404 or a tombstone), which has no user.
 */
record CachedUser(User user, ResponseBody memberView, ResponseBody adminView) {
  static final CachedUser NOT_FOUND = new CachedUser(null, null, null);
  /**
   * The tombstone of a user a pushed event said was deleted: not found, and, unlike an
   * upstream's 404, it also keeps the user out of every member list fetched while it is held.
   */
  static final CachedUser DELETED = new CachedUser(null, null, null);

  static CachedUser of(User user) {
    ResponseBody member = ResponseBody.of(UserJsonMapper.full(user, false).toBuffer());
    ResponseBody admin =
        user.privateMetadata().isEmpty()
            ? member
            : ResponseBody.of(UserJsonMapper.full(user, true).toBuffer());
    return new CachedUser(user, member, admin);
  }

  boolean found() {
    return user != null;
  }

  boolean deleted() {
    return this == DELETED;
  }

  long weight() {
    if (user == null) {
      return 128;
    }
    long views = memberView.weight() + (adminView == memberView ? 0 : adminView.weight());
    // The decoded user is held too; its JSON is about the size of the admin view.
    return 256 + views + adminView.bytes().length();
  }
}
