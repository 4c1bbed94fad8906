package dev.roster.sim.clerk;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Renders Clerk's {@code OrganizationMembership} object with its public user data. */
final class ClerkMembershipMapper {
  private ClerkMembershipMapper() {}

  static JsonObject toJson(ClerkDirectory.Membership m, JsonObject org, JsonObject user) {
    String role = m.role();
    String roleName = role.startsWith("org:") ? capitalise(role.substring(4)) : role;
    return new JsonObject()
        .put("id", m.id())
        .put("object", "organization_membership")
        .put("role", role)
        .put("role_name", roleName)
        .put("permissions", ClerkSeeder.permissions(role))
        .put("public_metadata", new JsonObject())
        .put("private_metadata", new JsonObject())
        .put("organization", org)
        .put("public_user_data", publicUserData(m.userId(), user))
        .put("created_at", m.createdAt())
        .put("updated_at", m.createdAt());
  }

  private static JsonObject publicUserData(String userId, JsonObject user) {
    JsonObject u = user == null ? new JsonObject() : user;
    return new JsonObject()
        .put("user_id", userId)
        .put("first_name", u.getString("first_name"))
        .put("last_name", u.getString("last_name"))
        .put("profile_image_url", u.getString("profile_image_url"))
        .put("image_url", u.getString("image_url"))
        .put("has_image", u.getBoolean("has_image", false))
        .put("identifier", identifier(u))
        .put("username", u.getString("username"))
        .put("banned", u.getBoolean("banned", false))
        .put("deprovisioned", u.getBoolean("deprovisioned", false));
  }

  /** The primary email address, else the primary phone number, else the username. */
  private static String identifier(JsonObject user) {
    String primary = primaryValue(user.getJsonArray("email_addresses"),
        user.getString("primary_email_address_id"), "email_address");
    if (primary == null) {
      primary = primaryValue(user.getJsonArray("phone_numbers"),
          user.getString("primary_phone_number_id"), "phone_number");
    }
    return primary != null ? primary : user.getString("username");
  }

  private static String primaryValue(JsonArray items, String primaryId, String field) {
    if (items == null || primaryId == null) {
      return null;
    }
    for (Object item : items) {
      if (item instanceof JsonObject o && primaryId.equals(o.getString("id"))) {
        return o.getString(field);
      }
    }
    return null;
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
