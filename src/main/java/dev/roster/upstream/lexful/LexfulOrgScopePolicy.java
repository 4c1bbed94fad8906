package dev.roster.upstream.lexful;

import dev.roster.model.Member;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * Decides whether a Lexful user belongs to an organisation (SPEC §4): its {@code
 * organization_scopes} contain the org id, compared verbatim, or {@code "*"}, either as the whole
 * value or as a list element. A soft-deleted user belongs to nothing. The role is the user's
 * {@code role}, as Lexful names it.
 */
public final class LexfulOrgScopePolicy {
  static final String ALL = "*";

  private LexfulOrgScopePolicy() {}

  /** True when the (not deleted) user's organisation scopes cover {@code orgId}. */
  public static boolean isMember(JsonObject lexfulUser, String orgId) {
    if (LexfulUserMapper.isDeleted(lexfulUser)) {
      return false;
    }
    return covers(lexfulUser.getValue("organization_scopes"), orgId);
  }

  /** True when organisation scopes ({@code "*"}, an id, or a list of them) cover {@code orgId}. */
  public static boolean covers(Object scopes, String orgId) {
    if (scopes instanceof String scope) {
      return ALL.equals(scope) || scope.equals(orgId);
    }
    if (scopes instanceof JsonArray list) {
      return list.contains(ALL) || list.contains(orgId);
    }
    return false;
  }

  /**
   * The user as a member of {@code orgId} with its Lexful role, or empty when it is not one;
   * throws MALFORMED like {@link LexfulUserMapper#toUser} for a user it would include.
   */
  public static Optional<Member> toMember(JsonObject lexfulUser, String orgId) {
    if (!isMember(lexfulUser, orgId)) {
      return Optional.empty();
    }
    return Optional.of(
        new Member(
            LexfulUserMapper.toUser(lexfulUser),
            orgId,
            LexfulWire.JSON.string(lexfulUser, "role", "user")));
  }
}
