package dev.roster.sim.lexful;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Builds Lexful user objects, with ISO-8601 UTC timestamps at millisecond precision. */
final class LexfulUsers {
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private LexfulUsers() {}

  static String iso(long epochMillis) {
    return ISO.format(Instant.ofEpochMilli(epochMillis));
  }

  static long epochMillis(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  /** {@code organizationScopes} is a JsonArray of uuids or the string {@code "*"}. */
  static JsonObject user(String id, String email, String role, Object organizationScopes,
      String first, String last, long createdAt) {
    boolean system = role.startsWith("system_");
    return new JsonObject()
        .put("id", id)
        .put("account_id", LexfulSeed.ACCOUNT_ID)
        .put("email", email)
        .put("role", role)
        .put("account_scopes", system ? "*" : new JsonArray().add(LexfulSeed.ACCOUNT_ID))
        .put("organization_scopes", organizationScopes)
        .put("first_name", first)
        .put("last_name", last)
        .put("external_ids", new JsonObject())
        .put("created_at", iso(createdAt))
        .put("updated_at", iso(createdAt + 3_600_000L))
        .put("created_by", LexfulSeed.ADMIN_ID)
        .put("updated_by", LexfulSeed.ADMIN_ID)
        .put("deleted_at", null);
  }

  /** {@code partial} laid over a complete default user; {@code id} is required. */
  static JsonObject complete(JsonObject partial, long now) {
    String id = partial.getString("id");
    if (id == null || !LexfulApi.isUuid(id)) {
      throw new IllegalArgumentException("a Lexful user needs a uuid id");
    }
    JsonObject user = user(id, id.substring(0, 8) + "@lexful.example", "viewer",
        new JsonArray(), null, null, now);
    return user.mergeIn(partial.copy());
  }

  static boolean isSystem(JsonObject user) {
    return user.getString("role", "").startsWith("system_");
  }

  static boolean isDeleted(JsonObject user) {
    return user.getValue("deleted_at") != null;
  }
}
