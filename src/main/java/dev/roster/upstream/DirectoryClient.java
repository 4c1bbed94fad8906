package dev.roster.upstream;

import dev.roster.model.Member;
import dev.roster.model.Provider;
import dev.roster.model.User;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * The seam every identity provider implements: an adapter that speaks the vendor's API and
 * returns provider-neutral records. Failures are {@link UpstreamFailure}s.
 */
public interface DirectoryClient {
  Provider provider();

  /** The user, or empty when the upstream says it does not exist (404; Lexful: soft-deleted). */
  Future<Optional<User>> fetchUser(String id);

  /** Every member of the organisation with their role, in no particular order. */
  Future<List<Member>> fetchMembers(String orgId);

  /** As {@link #fetchUser(String)}, drawing on the request budget's {@code lane}. */
  default Future<Optional<User>> fetchUser(String id, Lane lane) {
    return fetchUser(id);
  }

  /** As {@link #fetchMembers(String)}, drawing on the request budget's {@code lane}. */
  default Future<List<Member>> fetchMembers(String orgId, Lane lane) {
    return fetchMembers(orgId);
  }

  /**
   * Whether this provider's user records tell which organisations a user belongs to (Lexful's
   * organisation scopes), so deciding visibility needs one user fetch and no member list.
   * Clerk's do not.
   */
  default boolean userShowsMembership() {
    return false;
  }

  /** Whether {@code user}, as this client returned it, belongs to {@code orgId}. */
  default boolean isMember(User user, String orgId) {
    return false;
  }

  /**
   * The users among {@code ids} (at most 100) that exist, in no particular order; Clerk answers
   * in one call with {@code user_id} repeated.
   */
  Future<List<User>> fetchUsers(List<String> ids);
}
