package dev.roster.lookup;

import dev.roster.auth.Caller;
import dev.roster.config.AppOptions;
import dev.roster.config.Visibility;
import java.util.List;

/** Who may read which user, and who sees {@code privateMetadata} (SPEC §3, §2.1). */
final class VisibilityPolicy {
  private final Visibility visibility;
  private final List<String> adminRoles;

  VisibilityPolicy(AppOptions app) {
    this.visibility = app.visibility();
    this.adminRoles = app.auth().adminRoles();
  }

  /** Whether answering needs the caller's organisation's members at all. */
  boolean needsMembers(Caller caller, String userId) {
    if (!caller.hasOrg()) {
      return false;
    }
    boolean self = caller.subject().equals(userId);
    return isAdmin(caller) || (visibility == Visibility.ORG && !self);
  }

  /** Whether the caller may see the user, given the caller's organisation (null if none). */
  boolean maySee(Caller caller, String userId, MemberList callerOrg) {
    if (visibility == Visibility.AUTHENTICATED || caller.subject().equals(userId)) {
      return true;
    }
    return callerOrg != null && callerOrg.contains(userId);
  }

  /** Whether the caller is an admin of an organisation the user is in. */
  boolean seesPrivateMetadata(Caller caller, String userId, MemberList callerOrg) {
    return isAdmin(caller) && callerOrg != null && callerOrg.contains(userId);
  }

  /** As {@link #maySee}, when the user record itself told whether the user is a member. */
  boolean maySee(Caller caller, String userId, boolean member) {
    return visibility == Visibility.AUTHENTICATED || caller.subject().equals(userId) || member;
  }

  /** As {@link #seesPrivateMetadata}, when the user record itself told membership. */
  boolean seesPrivateMetadata(Caller caller, boolean member) {
    return isAdmin(caller) && member;
  }

  private boolean isAdmin(Caller caller) {
    return caller.orgRole() != null && adminRoles.contains(caller.orgRole());
  }
}
