package dev.roster.sim.clerk;

import dev.roster.sim.fault.RecordedRequest;
import dev.roster.sim.fault.SimResponse;
import java.util.Locale;
import java.util.Set;

/**
 * What Clerk checks before any operation: the secret key as a bearer token (the scheme is
 * case-insensitive, RFC 9110 §11.1) and the API version, from the {@code Clerk-API-Version}
 * header or the {@code __clerk_api_version} query parameter (not both). Without either, the
 * instance's default version applies.
 */
final class ClerkRequestGate {
  /** Clerk's published Backend API versions; this simulator serves their common read shapes. */
  static final Set<String> VERSIONS =
      Set.of("2021-02-05", "2024-10-01", "2025-04-10", "2025-11-10", "2026-05-12");

  private final String secretKey;

  ClerkRequestGate(String secretKey) {
    this.secretKey = secretKey;
  }

  /** The refusal of this request, or null when it may proceed. */
  SimResponse refusal(RecordedRequest request) {
    if (!authenticated(request.header("authorization"))) {
      return ClerkErrors.unauthenticated();
    }
    String header = request.header("clerk-api-version");
    String query = request.param("__clerk_api_version");
    if (header != null && query != null) {
      return invalidVersion("Give the API version either in the Clerk-API-Version header or in"
          + " the __clerk_api_version query parameter, not both");
    }
    String version = header != null ? header : query;
    if (version != null && !VERSIONS.contains(version.strip())) {
      return invalidVersion("The API version is not a valid Clerk API version; use one of "
          + String.join(", ", VERSIONS.stream().sorted().toList()));
    }
    return null;
  }

  private boolean authenticated(String authorization) {
    if (authorization == null) {
      return false;
    }
    String value = authorization.strip();
    int space = value.indexOf(' ');
    return space > 0
        && value.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")
        && value.substring(space + 1).strip().equals(secretKey);
  }

  private static SimResponse invalidVersion(String longMessage) {
    return ClerkErrors.of(400, "api_version_invalid", "invalid API version", longMessage);
  }
}
