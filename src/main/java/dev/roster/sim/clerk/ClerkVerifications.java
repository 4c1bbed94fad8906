package dev.roster.sim.clerk;

import io.vertx.core.json.JsonObject;

/**
 * The verification objects Clerk attaches to email addresses and phone numbers. None is null
 * and none carries {@code error: null}: Clerk's OpenAPI description types both as a nullable
 * {@code oneOf}, which (OpenAPI 3.0.3's reading of {@code nullable}) admits no null.
 */
final class ClerkVerifications {
  private ClerkVerifications() {}

  static JsonObject otp(String status, String strategy) {
    return new JsonObject()
        .put("object", "verification_otp")
        .put("status", status)
        .put("strategy", strategy)
        .put("attempts", "verified".equals(status) ? 1 : 0)
        .put("expire_at", 1_700_000_600_000L);
  }

  static JsonObject admin() {
    return new JsonObject()
        .put("object", "verification_admin")
        .put("status", "verified")
        .put("strategy", "admin")
        .put("attempts", null)
        .put("expire_at", null);
  }

  static JsonObject oauth(String provider) {
    return new JsonObject()
        .put("object", "verification_from_oauth")
        .put("status", "verified")
        .put("strategy", "from_oauth_" + provider)
        .put("attempts", null)
        .put("expire_at", 1_700_000_600_000L);
  }
}
