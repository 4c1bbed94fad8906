package dev.roster.sim.issuer;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds the header and claims of a Clerk session token from a {@link TokenSpec}. */
final class ClerkClaimsMapper {
  // Clerk backdates nbf a little so a slightly slow verifier clock still accepts a new token.
  private static final long NBF_BACKDATE_SECONDS = 10;

  private ClerkClaimsMapper() {}

  static JsonObject header(TokenSpec spec, SigningKey key) {
    JsonObject header = new JsonObject().put("alg", key.alg()).put("kid", key.kid());
    header.put("typ", "JWT");
    return override(header, spec.headerOverrides());
  }

  static JsonObject claims(TokenSpec spec, String issuer, long nowSeconds) {
    JsonObject claims =
        new JsonObject()
            .put("azp", spec.authorizedParty())
            .put("exp", nowSeconds + spec.lifetime().toSeconds())
            .put("iat", nowSeconds)
            .put("iss", issuer)
            .put("nbf", nowSeconds - NBF_BACKDATE_SECONDS)
            .put("sid", spec.sessionId())
            .put("sub", spec.subject());
    if (spec.orgId() != null) {
      if (spec.version() == 2) {
        claims.put("v", 2).put("o", v2Org(spec));
      } else {
        claims
            .put("org_id", spec.orgId())
            .put("org_role", spec.orgRole())
            .put("org_slug", spec.orgSlug())
            .put("org_permissions", spec.permissions());
      }
    } else if (spec.version() == 2) {
      claims.put("v", 2);
    }
    return override(claims, spec.claimOverrides());
  }

  private static JsonObject v2Org(TokenSpec spec) {
    String role = spec.orgRole();
    return new JsonObject()
        .put("id", spec.orgId())
        .put("slg", spec.orgSlug())
        .put("rol", role != null && role.startsWith("org:") ? role.substring(4) : role)
        .put(
            "per",
            spec.permissions().stream()
                .map(p -> p.substring(p.lastIndexOf(':') + 1))
                .collect(Collectors.joining(",")));
  }

  private static JsonObject override(JsonObject json, Map<String, Object> overrides) {
    overrides.forEach(
        (name, value) -> {
          if (value == null) {
            json.remove(name);
          } else {
            json.put(name, value);
          }
        });
    return json;
  }
}
