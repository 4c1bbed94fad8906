package dev.roster.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.roster.config.AuthOptions;
import java.text.ParseException;
import java.util.Date;
import java.util.List;

/**
 * Decides whether a signed token's claims are acceptable now (SPEC §3): {@code exp} required and in
 * the future, {@code nbf} and {@code iat} not in the future, each with the clock skew; {@code sub}
 * required; {@code iss}, {@code azp} and {@code aud} checked when the app configures them.
 */
final class ClaimsPolicy {
  private final long skewMillis;
  private final String issuer;
  private final List<String> authorizedParties;
  private final String audience;

  ClaimsPolicy(AuthOptions auth) {
    this.skewMillis = Math.max(0, auth.clockSkewSeconds()) * 1000L;
    this.issuer = auth.issuer();
    this.authorizedParties =
        auth.authorizedParties() == null ? List.of() : List.copyOf(auth.authorizedParties());
    this.audience = auth.audience();
  }

  /** The reason to refuse {@code claims} at {@code nowMillis}, or null to accept them. */
  Refusal check(JWTClaimsSet claims, long nowMillis) {
    Date exp = claims.getExpirationTime();
    if (exp == null) {
      return Refusal.NO_EXPIRY;
    }
    if (exp.getTime() + skewMillis <= nowMillis) {
      return Refusal.EXPIRED;
    }
    Date nbf = claims.getNotBeforeTime();
    if (nbf != null && nbf.getTime() - skewMillis > nowMillis) {
      return Refusal.NOT_YET_VALID;
    }
    Date iat = claims.getIssueTime();
    if (iat != null && iat.getTime() - skewMillis > nowMillis) {
      return Refusal.ISSUED_IN_FUTURE;
    }
    String subject = claims.getSubject();
    if (subject == null || subject.isEmpty()) {
      return Refusal.NO_SUBJECT;
    }
    if (issuer != null && !issuer.equals(claims.getIssuer())) {
      return Refusal.ISSUER;
    }
    if (!authorizedParties.isEmpty()) {
      String azp = stringClaim(claims, "azp");
      if (azp == null || !authorizedParties.contains(azp)) {
        return Refusal.AUTHORIZED_PARTY;
      }
    }
    if (audience != null && !claims.getAudience().contains(audience)) {
      return Refusal.AUDIENCE;
    }
    return null;
  }

  private static String stringClaim(JWTClaimsSet claims, String name) {
    try {
      return claims.getStringClaim(name);
    } catch (ParseException e) {
      return null;
    }
  }
}
