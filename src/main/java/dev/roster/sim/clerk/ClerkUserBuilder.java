package dev.roster.sim.clerk;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Builds a complete Clerk {@code User} object (every property of the 2026-05-12 schema except
 * {@code organization_memberships} and {@code scim}, which the list and get operations omit).
 */
final class ClerkUserBuilder {
  private static final String DEFAULT_AVATAR =
      "https://img.clerk.com/eyJ0eXBlIjoiZGVmYXVsdCIsImlpZCI6Imluc19yb3N0ZXJkZW1vIn0";

  private final String id;
  private final long createdAt;
  private final JsonArray emails = new JsonArray();
  private final JsonArray phones = new JsonArray();
  private String first;
  private String last;
  private String username;
  private String externalId;
  private boolean image;
  private boolean twoFactor;
  private boolean banned;
  private boolean locked;
  private Long lastSignInAt;
  private JsonObject publicMetadata = new JsonObject();
  private JsonObject privateMetadata = new JsonObject();
  private JsonObject unsafeMetadata = new JsonObject();

  ClerkUserBuilder(String id, long createdAt) {
    this.id = id;
    this.createdAt = createdAt;
    this.lastSignInAt = createdAt + 86_400_000L;
  }

  ClerkUserBuilder names(String first, String last) {
    this.first = first;
    this.last = last;
    return this;
  }

  ClerkUserBuilder username(String username) {
    this.username = username;
    return this;
  }

  ClerkUserBuilder externalId(String externalId) {
    this.externalId = externalId;
    return this;
  }

  ClerkUserBuilder image() {
    this.image = true;
    return this;
  }

  ClerkUserBuilder twoFactor() {
    this.twoFactor = true;
    return this;
  }

  ClerkUserBuilder banned() {
    this.banned = true;
    return this;
  }

  ClerkUserBuilder locked() {
    this.locked = true;
    return this;
  }

  ClerkUserBuilder neverSignedIn() {
    this.lastSignInAt = null;
    return this;
  }

  ClerkUserBuilder metadata(JsonObject publicMeta, JsonObject privateMeta, JsonObject unsafe) {
    this.publicMetadata = publicMeta;
    this.privateMetadata = privateMeta;
    this.unsafeMetadata = unsafe;
    return this;
  }

  /** Adds an email address; the first one added is the primary. */
  ClerkUserBuilder email(String address, JsonObject verification) {
    emails.add(new JsonObject()
        .put("id", identId("em", emails.size()))
        .put("object", "email_address")
        .put("email_address", address)
        .put("reserved", false)
        .put("verification", verification)
        .put("linked_to", new JsonArray())
        .put("matches_sso_connection", false)
        .put("created_at", createdAt)
        .put("updated_at", createdAt));
    return this;
  }

  /** Adds a phone number; the first one added is the primary. */
  ClerkUserBuilder phone(String number, JsonObject verification) {
    phones.add(new JsonObject()
        .put("id", identId("ph", phones.size()))
        .put("object", "phone_number")
        .put("phone_number", number)
        .put("reserved_for_second_factor", twoFactor)
        .put("default_second_factor", twoFactor && phones.isEmpty())
        .put("reserved", false)
        .put("verification", verification)
        .put("linked_to", new JsonArray())
        .put("backup_codes", null)
        .put("created_at", createdAt)
        .put("updated_at", createdAt));
    return this;
  }

  JsonObject build() {
    long updatedAt = createdAt + 3_600_000L;
    String imageUrl = image
        ? "https://img.clerk.com/eyJ0eXBlIjoicHJveHkiLCJzcmMiOiJ1cGxvYWRlZC9pbWdf"
            + suffix() + "In0"
        : DEFAULT_AVATAR;
    return new JsonObject()
        .put("id", id)
        .put("object", "user")
        .put("external_id", externalId)
        .put("primary_email_address_id", primaryId(emails))
        .put("primary_phone_number_id", primaryId(phones))
        .put("primary_web3_wallet_id", null)
        .put("username", username)
        .put("first_name", first)
        .put("last_name", last)
        .put("locale", null)
        .put("profile_image_url", image
            ? "https://images.clerk.dev/uploaded/img_" + suffix() + ".png"
            : "https://www.gravatar.com/avatar?d=mp")
        .put("image_url", imageUrl)
        .put("has_image", image)
        .put("public_metadata", publicMetadata.copy())
        .put("private_metadata", privateMetadata.copy())
        .put("unsafe_metadata", unsafeMetadata.copy())
        .put("email_addresses", emails.copy())
        .put("phone_numbers", phones.copy())
        .put("web3_wallets", new JsonArray())
        .put("passkeys", new JsonArray())
        .put("password_enabled", true)
        .put("two_factor_enabled", twoFactor)
        .put("totp_enabled", twoFactor)
        .put("backup_code_enabled", twoFactor)
        .put("mfa_enabled_at", twoFactor ? createdAt + 60_000L : null)
        .put("mfa_disabled_at", null)
        .put("password_last_updated_at", createdAt)
        .put("external_accounts", new JsonArray())
        .put("saml_accounts", new JsonArray())
        .put("enterprise_accounts", new JsonArray())
        .put("last_sign_in_at", lastSignInAt)
        .put("banned", banned)
        .put("locked", locked)
        .put("deprovisioned", false)
        .put("lockout_expires_in_seconds", locked ? 1800 : null)
        .put("verification_attempts_remaining", locked ? 0 : 100)
        .put("updated_at", updatedAt)
        .put("created_at", createdAt)
        .put("delete_self_enabled", true)
        .put("create_organization_enabled", true)
        .put("create_organizations_limit", null)
        .put("last_active_at", lastActiveAt())
        .put("legal_accepted_at", null)
        .put("bypass_client_trust", false);
  }

  /**
   * {@code partial} laid over a complete default user, so a test may give only the fields it
   * cares about ({@code id} is required; {@code created_at} defaults to {@code now}).
   */
  static JsonObject complete(JsonObject partial, long now) {
    String id = partial.getString("id");
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("a Clerk user needs an id");
    }
    long createdAt = partial.getLong("created_at", now);
    JsonObject user = new ClerkUserBuilder(id, createdAt).build();
    return user.mergeIn(partial.copy());
  }

  /** Clerk reports activity with day precision. */
  private Long lastActiveAt() {
    return lastSignInAt == null ? null : lastSignInAt - lastSignInAt % 86_400_000L;
  }

  private String primaryId(JsonArray identifications) {
    return identifications.isEmpty() ? null : identifications.getJsonObject(0).getString("id");
  }

  private String identId(String kind, int index) {
    return "idn_" + kind + index + suffix();
  }

  private String suffix() {
    return id.substring(id.indexOf('_') + 1);
  }
}
