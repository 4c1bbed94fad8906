package dev.roster.upstream.lexful;

import static dev.roster.upstream.lexful.LexfulWire.copied;
import static dev.roster.upstream.lexful.LexfulWire.requiredInstant;

import dev.roster.model.EmailAddress;
import dev.roster.model.Provider;
import dev.roster.model.User;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Maps Lexful's user object ({@code GET /v1/users/{id}} and the items of {@code GET /v1/users})
 * to {@link User} as SPEC §2.1 describes: the fields Clerk has and Lexful lacks are null, empty
 * or false; the Lexful-only fields go, camelCased, into {@code providerAttributes}.
 */
public final class LexfulUserMapper {
  private static final String USER = "user";

  private LexfulUserMapper() {}

  /**
   * Maps one Lexful user, deleted or not (see {@link #isDeleted}); throws {@link
   * dev.roster.upstream.UpstreamFailure} of kind MALFORMED when {@code id} or a timestamp is
   * missing or a field has the wrong type.
   */
  public static User toUser(JsonObject lexfulUser) {
    if (lexfulUser == null) {
      throw LexfulWire.JSON.malformed(USER + " (not an object)");
    }
    String email = LexfulWire.JSON.string(lexfulUser, "email", USER);
    EmailAddress primaryEmail = email == null ? null : new EmailAddress(null, email, null);
    return new User(
        LexfulWire.JSON.requiredString(lexfulUser, "id", USER),
        Provider.LEXFUL,
        LexfulWire.JSON.string(lexfulUser, "first_name", USER),
        LexfulWire.JSON.string(lexfulUser, "last_name", USER),
        null,
        null,
        primaryEmail,
        primaryEmail == null ? List.of() : List.of(primaryEmail),
        null,
        List.of(),
        null,
        false,
        null,
        new JsonObject(),
        new JsonObject(),
        new JsonObject(),
        requiredInstant(lexfulUser, "created_at", USER),
        requiredInstant(lexfulUser, "updated_at", USER),
        null,
        false,
        false,
        false,
        providerAttributes(lexfulUser));
  }

  /** True when the user is soft-deleted ({@code deleted_at} set): Roster treats it as absent. */
  public static boolean isDeleted(JsonObject lexfulUser) {
    return lexfulUser.getValue("deleted_at") != null;
  }

  private static JsonObject providerAttributes(JsonObject lexfulUser) {
    return new JsonObject()
        .put("accountId", copied(lexfulUser, "account_id"))
        .put("role", LexfulWire.JSON.string(lexfulUser, "role", USER))
        .put("accountScopes", copied(lexfulUser, "account_scopes"))
        .put("organizationScopes", copied(lexfulUser, "organization_scopes"))
        .put("externalIds", copied(lexfulUser, "external_ids"))
        .put("createdBy", copied(lexfulUser, "created_by"))
        .put("updatedBy", copied(lexfulUser, "updated_by"));
  }
}
