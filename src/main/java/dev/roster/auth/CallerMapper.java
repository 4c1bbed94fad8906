package dev.roster.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Map;

/**
 * Reads the {@link Caller} out of accepted claims. Clerk v1 tokens carry {@code org_id} and {@code
 * org_role}; v2 tokens carry {@code o.id} and {@code o.rol} (without the {@code org:} prefix, added
 * back here). An app's {@code orgClaim} path, when set, names the org id instead.
 */
final class CallerMapper {
  private static final String[] V2_ORG_ID = {"o", "id"};
  private static final String[] V2_ORG_ROLE = {"o", "rol"};

  private final String[] orgClaimPath;

  /**
   * @param orgClaim a dotted claim path such as {@code org.id}, or null for Clerk's claims
   */
  CallerMapper(String orgClaim) {
    this.orgClaimPath =
        orgClaim == null || orgClaim.isBlank() ? null : orgClaim.trim().split("\\.");
  }

  Caller map(JWTClaimsSet claims) {
    Map<String, Object> all = claims.getClaims();
    String orgId =
        orgClaimPath != null
            ? text(all, orgClaimPath)
            : firstNonNull(text(all, "org_id"), text(all, V2_ORG_ID));
    String role = text(all, "org_role");
    if (role == null) {
      String v2Role = text(all, V2_ORG_ROLE);
      role = v2Role == null ? null : "org:" + v2Role;
    }
    long exp = claims.getExpirationTime().getTime() / 1000;
    return new Caller(claims.getSubject(), orgId, role, exp);
  }

  /** The string at {@code path}; null when absent or not a non-empty string. */
  private static String text(Map<String, Object> claims, String... path) {
    Object value = claims;
    for (String name : path) {
      if (!(value instanceof Map<?, ?> object)) {
        return null;
      }
      value = object.get(name);
    }
    return value instanceof String s && !s.isEmpty() ? s : null;
  }

  private static String firstNonNull(String first, String second) {
    return first != null ? first : second;
  }
}
