package dev.roster.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.model.Provider;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The configuration example of SPEC §6, verbatim, loads with the meaning it shows. */
class SpecExampleConfigTest {
  private static final String SPEC_EXAMPLE =
      """
      server: { port: 8080, shutdownGrace: 10s }     # SIGTERM: stop accepting, drain, exit 0
      admin: { port: 9090, token: ${ROSTER_ADMIN_TOKEN} }
      apps:
        lance:
          visibility: org                # or: authenticated
          auth:
            jwksUrl: https://clerk.lance.example/.well-known/jwks.json   # or publicKeyPem: |..., or hmacSecret: ...
            issuer: https://clerk.lance.example
            authorizedParties: [https://app.lance.example]
            clockSkewSeconds: 5
            adminRoles: [org:admin]
            jwksRefresh: 5m
            jwksMinRefetchInterval: 5s
          upstreams:
            clerk:
              baseUrl: https://api.clerk.com
              secretKey: ${LANCE_CLERK_SECRET_KEY}
              timeout: 3s
              maxConcurrent: 64
              requestsPerSecond: 90
              circuitBreaker: { failureThreshold: 5, openFor: 10s }
            lexful:                      # same optional keys as clerk
              baseUrl: https://api.us.lexful.app
              accountId: 3c90c3cc-0d44-4b50-8888-8dd25736052a
              token: ${LEXFUL_TOKEN}     # or apiKeyId + apiKeySecret instead of token
          cache: { ttl: 60s, staleWhileRevalidate: 5m, staleIfError: 24h, notFoundTtl: 10s, maxBytes: 256MB }
          rateLimit: { perCallerPerSecond: 50, burst: 100 }
          cors: { allowedOrigins: [https://app.lance.example] }   # none by default
          webhooks: { clerkSigningSecret: ${LANCE_CLERK_WEBHOOK_SECRET} }
      """;

  @Test
  void loadsTheContractsExampleAsWritten() {
    RosterOptions options =
        ConfigLoader.parse(
            SPEC_EXAMPLE,
            Map.of(
                "ROSTER_ADMIN_TOKEN", "an-admin-token-long-enough",
                "LANCE_CLERK_SECRET_KEY", "sk_live_example",
                "LEXFUL_TOKEN", "lexful-token",
                "LANCE_CLERK_WEBHOOK_SECRET", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));

    AppOptions lance = options.apps().get("lance");
    assertThat(options.server().port()).isEqualTo(8080);
    assertThat(options.server().shutdownGrace()).isEqualTo(Duration.ofSeconds(10));
    assertThat(options.admin().port()).isEqualTo(9090);
    assertThat(lance.visibility()).isEqualTo(Visibility.ORG);
    assertThat(lance.auth().jwksUrl()).isEqualTo("https://clerk.lance.example/.well-known/jwks.json");
    assertThat(lance.clerk().provider()).isEqualTo(Provider.CLERK);
    assertThat(lance.clerk().secretKey()).isEqualTo("sk_live_example");
    assertThat(lance.lexful().token()).isEqualTo("lexful-token");
    assertThat(lance.lexful().timeout()).isEqualTo(UpstreamOptions.DEFAULT_TIMEOUT);
    assertThat(lance.cache()).isEqualTo(CacheOptions.DEFAULTS);
    assertThat(lance.rateLimit()).isEqualTo(new RateLimitOptions(50, 100));
    assertThat(lance.cors().allowedOrigins()).containsExactly("https://app.lance.example");
    assertThat(lance.webhooks().clerkSigningSecret()).startsWith("whsec_");
  }

  @Test
  void acceptsAJwksUrlWithAQueryAsOktaUsesThem() {
    String yaml =
        SPEC_EXAMPLE.replace(
            "https://clerk.lance.example/.well-known/jwks.json",
            "https://okta.example/oauth2/v1/keys?client_id=abc");
    RosterOptions options =
        ConfigLoader.parse(
            yaml,
            Map.of(
                "ROSTER_ADMIN_TOKEN", "t",
                "LANCE_CLERK_SECRET_KEY", "sk",
                "LEXFUL_TOKEN", "lt",
                "LANCE_CLERK_WEBHOOK_SECRET", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));

    assertThat(options.apps().get("lance").auth().jwksUrl())
        .isEqualTo("https://okta.example/oauth2/v1/keys?client_id=abc");
  }
}
