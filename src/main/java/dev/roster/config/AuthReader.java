package dev.roster.config;

import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and validates {@code apps.<name>.auth} (SPEC §3). */
final class AuthReader {

  private static final Pattern PEM =
      Pattern.compile(
          "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----\\s*");
  private static final Pattern CLAIM_PATH = Pattern.compile("[^.\\s]+(\\.[^.\\s]+)*");

  private AuthReader() {}

  static AuthOptions read(Section app) {
    if (!app.has("auth")) {
      throw app.fail("auth", "required (one of jwksUrl, publicKeyPem, hmacSecret)");
    }
    Section auth = app.section("auth");
    auth.allowOnly(
        "jwksUrl", "publicKeyPem", "hmacSecret", "issuer", "authorizedParties", "audience",
        "clockSkewSeconds", "adminRoles", "jwksRefresh", "jwksMinRefetchInterval", "orgClaim");
    int sources = (auth.has("jwksUrl") ? 1 : 0) + (auth.has("publicKeyPem") ? 1 : 0)
        + (auth.has("hmacSecret") ? 1 : 0);
    if (sources != 1) {
      throw auth.fail(null, "exactly one of jwksUrl, publicKeyPem, hmacSecret is required");
    }
    String jwksUrl = auth.url("jwksUrl", null, true);
    String pem = publicKeyPem(auth);
    String hmac = hmacSecret(auth);
    if (jwksUrl == null) {
      for (String key : List.of("jwksRefresh", "jwksMinRefetchInterval")) {
        if (auth.has(key)) {
          throw auth.fail(key, "only applies with jwksUrl");
        }
      }
    }
    String orgClaim = auth.string("orgClaim", null);
    if (orgClaim != null && !CLAIM_PATH.matcher(orgClaim).matches()) {
      throw auth.fail(
          "orgClaim", Section.quote(orgClaim) + " is not a dotted claim path (e.g. o.id)");
    }
    List<String> adminRoles = auth.strings("adminRoles", AuthOptions.DEFAULT_ADMIN_ROLES);
    if (adminRoles.isEmpty()) {
      throw auth.fail("adminRoles", "must name at least one role");
    }
    return new AuthOptions(
        jwksUrl,
        pem,
        hmac,
        auth.string("issuer", null),
        auth.strings("authorizedParties", List.of()),
        auth.string("audience", null),
        auth.integer("clockSkewSeconds", AuthOptions.DEFAULT_CLOCK_SKEW_SECONDS, 0, 300),
        adminRoles,
        auth.duration("jwksRefresh", AuthOptions.DEFAULT_JWKS_REFRESH, true),
        auth.duration(
            "jwksMinRefetchInterval", AuthOptions.DEFAULT_JWKS_MIN_REFETCH_INTERVAL, false),
        orgClaim);
  }

  private static String publicKeyPem(Section auth) {
    String pem = auth.string("publicKeyPem", null);
    if (pem == null) {
      return null;
    }
    Matcher m = PEM.matcher(pem.strip() + "\n");
    boolean decodes = false;
    if (m.matches()) {
      try {
        decodes = Base64.getMimeDecoder().decode(m.group(2)).length > 0;
      } catch (IllegalArgumentException e) {
        decodes = false;
      }
    }
    if (!decodes) {
      throw auth.fail(
          "publicKeyPem", "expected one PEM block (-----BEGIN PUBLIC KEY----- ... -----END ...)");
    }
    return pem.strip() + "\n";
  }

  private static String hmacSecret(Section auth) {
    // Any non-empty secret is taken: RFC 7518 asks for 256 bits, but refusing to start over a
    // shorter shared secret would only move the problem to the token issuer's side.
    return auth.string("hmacSecret", null);
  }
}
