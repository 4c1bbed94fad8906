package dev.roster.upstream.clerk;

import dev.roster.config.UpstreamOptions;
import dev.roster.upstream.UpstreamRequest;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Builds Clerk Backend API requests: the credentials and the pinned API version on each. */
final class ClerkRequests {
  static final String API_VERSION_HEADER = "Clerk-API-Version";

  private final String authorization;

  ClerkRequests(String secretKey) {
    Objects.requireNonNull(secretKey, "Clerk secretKey");
    this.authorization = "Bearer " + secretKey;
  }

  /** A GET of {@code pathAndQuery} (already encoded, starting with {@code /v1/}). */
  UpstreamRequest get(String pathAndQuery) {
    // A fresh MultiMap per request: the channel may hand it to another thread.
    MultiMap headers =
        MultiMap.caseInsensitiveMultiMap()
            .add(HttpHeaders.AUTHORIZATION, authorization)
            .add(API_VERSION_HEADER, UpstreamOptions.CLERK_API_VERSION)
            .add(HttpHeaders.ACCEPT, "application/json");
    return UpstreamRequest.get(pathAndQuery, headers);
  }

  /** Percent-encodes one path segment or query value (a space becomes %20, not +). */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
