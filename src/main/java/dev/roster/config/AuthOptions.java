package dev.roster.config;

import java.time.Duration;
import java.util.List;

/**
 * How an app's tokens are verified (SPEC §3). Exactly one key source is set: {@code jwksUrl},
 * {@code publicKeyPem} or {@code hmacSecret}. {@code issuer}, {@code audience} and {@code
 * orgClaim} may be null; the lists are never null (empty when unset, except {@code adminRoles}).
 *
 * @param orgClaim a dotted claim path naming the organisation id, or null for the Clerk v1/v2
 *     claims ({@code org_id}, {@code o.id})
 */
public record AuthOptions(
    String jwksUrl,
    String publicKeyPem,
    String hmacSecret,
    String issuer,
    List<String> authorizedParties,
    String audience,
    int clockSkewSeconds,
    List<String> adminRoles,
    Duration jwksRefresh,
    Duration jwksMinRefetchInterval,
    String orgClaim) {
  public static final int DEFAULT_CLOCK_SKEW_SECONDS = 5;
  public static final List<String> DEFAULT_ADMIN_ROLES = List.of("org:admin");
  public static final Duration DEFAULT_JWKS_REFRESH = Duration.ofMinutes(5);
  public static final Duration DEFAULT_JWKS_MIN_REFETCH_INTERVAL = Duration.ofSeconds(5);
}
