package dev.roster.config;

import static dev.roster.config.ConfigYaml.AUTH;
import static dev.roster.config.ConfigYaml.CLERK;
import static dev.roster.config.ConfigYaml.LEXFUL_ACCOUNT;
import static dev.roster.config.ConfigYaml.app;
import static dev.roster.config.ConfigYaml.assertFails;
import static dev.roster.config.ConfigYaml.clerkApp;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of an {@code apps.<name>} block fails with one line naming the key. */
class AppValidationTest {
  private static String lexful(String keys) {
    return app(AUTH, "upstreams:", "  lexful: { " + keys + " }");
  }

  private static String clerk(String keys) {
    return app(AUTH, "upstreams:", "  clerk: { secretKey: sk, " + keys + " }");
  }

  static Stream<Arguments> appRules() {
    String p = "apps.lance.";
    return Stream.of(
        arguments(
            "apps:\n  Lance: {}\n",
            "apps.Lance: app name must match [a-z0-9][a-z0-9-]{0,62} (it is a URL path segment)"),
        arguments(
            "apps:\n  " + "a".repeat(64) + ": {}\n",
            "apps." + "a".repeat(64)
                + ": app name must match [a-z0-9][a-z0-9-]{0,62} (it is a URL path segment)"),
        arguments(
            "apps:\n  lance:\n",
            "apps.lance: expected a mapping of keys (auth, upstreams, ...)"),
        arguments(clerkApp("cahce: { ttl: 5s }"), p + "cahce: unknown key (did you mean cache?)"),
        arguments(clerkApp("cache: 5s"), p + "cache: expected a mapping of keys"),
        arguments(
            clerkApp("cache: { ttl: [1s] }"), p + "cache.ttl: expected a single value, not a list"),
        arguments(
            clerkApp("visibility: public"),
            p + "visibility: \"public\" is not a visibility (use org or authenticated)"),
        arguments(
            clerkApp("visibility: on"),
            p + "visibility: \"on\" is not a visibility (use org or authenticated)"),
        // auth
        arguments(app(CLERK), p + "auth: required (one of jwksUrl, publicKeyPem, hmacSecret)"),
        arguments(
            app("auth: { issuer: https://x.example }", CLERK),
            p + "auth: exactly one of jwksUrl, publicKeyPem, hmacSecret is required"),
        arguments(
            app("auth: { jwksUrl: https://x.example/jwks, hmacSecret: " + "k".repeat(32) + " }",
                CLERK),
            p + "auth: exactly one of jwksUrl, publicKeyPem, hmacSecret is required"),
        arguments(
            app("auth: { jwksUrl: ftp://x.example/jwks }", CLERK),
            p + "auth.jwksUrl: \"ftp://x.example/jwks\" is not an absolute http or https URL"
                + " with a host"),
        arguments(
            app("auth: { jwksUrl: /.well-known/jwks.json }", CLERK),
            p + "auth.jwksUrl: \"/.well-known/jwks.json\" is not an absolute http or https URL"
                + " with a host"),
        arguments(
            app("auth: { jwksUrl: 'https://x.example/jwks#keys' }", CLERK),
            p + "auth.jwksUrl: \"https://x.example/jwks#keys\" must not have a fragment"),
        arguments(
            app("auth: { jwksUrl: 'https://x.example/a b' }", CLERK),
            p + "auth.jwksUrl: \"https://x.example/a b\" is not a URL"),
        arguments(
            app("auth: { publicKeyPem: not-a-pem }", CLERK),
            p + "auth.publicKeyPem: expected one PEM block"
                + " (-----BEGIN PUBLIC KEY----- ... -----END ...)"),
        arguments(
            app("auth: { hmacSecret: " + "k".repeat(32) + ", jwksRefresh: 1m }", CLERK),
            p + "auth.jwksRefresh: only applies with jwksUrl"),
        arguments(
            clerkAuth("clockSkewSeconds: 301"),
            p + "auth.clockSkewSeconds: must be between 0 and 300 (got 301)"),
        arguments(
            clerkAuth("clockSkewSeconds: -1"),
            p + "auth.clockSkewSeconds: must be between 0 and 300 (got -1)"),
        arguments(
            clerkAuth("clockSkewSeconds: 5s"),
            p + "auth.clockSkewSeconds: \"5s\" is not an integer"),
        arguments(clerkAuth("adminRoles: []"), p + "auth.adminRoles: must name at least one role"),
        arguments(
            clerkAuth("adminRoles: org:admin"),
            p + "auth.adminRoles: expected a list, e.g. [a, b]"),
        arguments(
            clerkAuth("authorizedParties: [https://a.example, { x: 1 }]"),
            p + "auth.authorizedParties[1]: expected a single value"),
        arguments(
            clerkAuth("authorizedParties: [https://a.example, '']"),
            p + "auth.authorizedParties[1]: must not be empty"),
        arguments(
            clerkAuth("orgClaim: o..id"),
            p + "auth.orgClaim: \"o..id\" is not a dotted claim path (e.g. o.id)"),
        arguments(clerkAuth("issuer: ''"), p + "auth.issuer: must not be empty"),
        arguments(clerkAuth("jwksRefresh: 0s"), p + "auth.jwksRefresh: must be greater than 0"),
        arguments(
            clerkAuth("jwksMinRefetchInterval: 5"),
            p + "auth.jwksMinRefetchInterval: \"5\" is not a duration (use ms, s, m or h)"),
        arguments(clerkAuth("issuerr: x"), p + "auth.issuerr: unknown key (did you mean issuer?)"),
        // upstreams
        arguments(app(AUTH), p + "upstreams: required (clerk, lexful or both)"),
        arguments(
            app(AUTH, "upstreams: {}"),
            p + "upstreams: at least one of clerk, lexful is required"),
        arguments(
            app(AUTH, "upstreams: { okta: { secretKey: x } }"), p + "upstreams.okta: unknown key"),
        arguments(
            app(AUTH, "upstreams: { clerk: { baseUrl: https://api.clerk.com } }"),
            p + "upstreams.clerk.secretKey: required"),
        arguments(
            app(AUTH, "upstreams: { clerk: { secretKey: sk, accountId: x } }"),
            p + "upstreams.clerk.accountId: unknown key"),
        arguments(clerk("timeout: 0s"), p + "upstreams.clerk.timeout: must be greater than 0"),
        arguments(
            clerk("maxConcurrent: 0"),
            p + "upstreams.clerk.maxConcurrent: must be between 1 and 10000 (got 0)"),
        arguments(
            clerk("maxConcurrent: 10001"),
            p + "upstreams.clerk.maxConcurrent: must be between 1 and 10000 (got 10001)"),
        arguments(
            clerk("requestsPerSecond: 100001"),
            p + "upstreams.clerk.requestsPerSecond: must be between 1 and 100000 (got 100001)"),
        arguments(
            clerk("circuitBreaker: { failureThreshold: 0 }"),
            p + "upstreams.clerk.circuitBreaker.failureThreshold: must be between 1 and 1000"
                + " (got 0)"),
        arguments(
            clerk("circuitBreaker: { failureThreshold: 1001 }"),
            p + "upstreams.clerk.circuitBreaker.failureThreshold: must be between 1 and 1000"
                + " (got 1001)"),
        arguments(
            clerk("circuitBreaker: { openFor: 0ms }"),
            p + "upstreams.clerk.circuitBreaker.openFor: must be greater than 0"),
        arguments(
            clerk("baseUrl: 'https://api.clerk.com/?x=1'"),
            p + "upstreams.clerk.baseUrl: \"https://api.clerk.com/?x=1\" must not have a query"
                + " or fragment"),
        arguments(lexful("token: t"), p + "upstreams.lexful.accountId: required"),
        arguments(
            lexful("accountId: 'acct 1', token: t"),
            p + "upstreams.lexful.accountId: \"acct 1\" is not an account id (letters, digits, . _ -)"),
        arguments(
            lexful("accountId: " + LEXFUL_ACCOUNT),
            p + "upstreams.lexful: exactly one of token or apiKeyId + apiKeySecret is required"),
        arguments(
            lexful("accountId: " + LEXFUL_ACCOUNT + ", token: t, apiKeyId: k, apiKeySecret: s"),
            p + "upstreams.lexful: use either token or apiKeyId + apiKeySecret, not both"),
        arguments(
            lexful("accountId: " + LEXFUL_ACCOUNT + ", apiKeyId: k"),
            p + "upstreams.lexful.apiKeySecret: required with apiKeyId"),
        arguments(
            lexful("accountId: " + LEXFUL_ACCOUNT + ", apiKeySecret: s"),
            p + "upstreams.lexful.apiKeyId: required with apiKeySecret"),
        // cache, rateLimit, cors, webhooks
        arguments(
            clerkApp("cache: { ttl: 5x }"),
            p + "cache.ttl: \"5x\" is not a duration (use ms, s, m or h)"),
        arguments(clerkApp("cache: { ttl: 0s }"), p + "cache.ttl: must be greater than 0"),
        arguments(
            clerkApp("cache: { staleIfError: -1h }"),
            p + "cache.staleIfError: \"-1h\" is not a duration (use ms, s, m or h)"),
        arguments(
            clerkApp("cache: { maxBytes: 256M }"),
            p + "cache.maxBytes: \"256M\" is not a size (use B, KB, MB or GB)"),
        arguments(
            clerkApp("cache: { maxBytes: 1023B }"), p + "cache.maxBytes: must be at least 1KB"),
        arguments(
            clerkApp("rateLimit: { perCallerPerSecond: 0 }"),
            p + "rateLimit.perCallerPerSecond: must be between 1 and 1000000 (got 0)"),
        arguments(
            clerkApp("rateLimit: { burst: 0 }"),
            p + "rateLimit.burst: must be between 1 and 1000000 (got 0)"),
        arguments(
            clerkApp("rateLimit: off"), p + "rateLimit: expected a mapping of keys"),
        arguments(
            clerkApp("cors: { allowedOrigins: [https://app.example.com/] }"),
            p + "cors.allowedOrigins[0]: \"https://app.example.com/\" is not an origin"
                + " (scheme://host[:port], no path)"),
        arguments(
            clerkApp("cors: { allowedOrigins: [app.example.com] }"),
            p + "cors.allowedOrigins[0]: \"app.example.com\" is not an origin"
                + " (scheme://host[:port], no path)"),
        arguments(
            clerkApp("cors: { allowedOrigins: ['*', https://a.example] }"),
            p + "cors.allowedOrigins[0]: \"*\" must be the only origin"),
        arguments(
            clerkApp("cors: { allowedOrigin: [https://a.example] }"),
            p + "cors.allowedOrigin: unknown key (did you mean allowedOrigins?)"),
        arguments(
            clerkApp("webhooks: { clerkSigningSecret: c2VjcmV0 }"),
            p + "webhooks.clerkSigningSecret: must start with whsec_"),
        arguments(
            clerkApp("webhooks: { clerkSigningSecret: whsec_not*base64 }"),
            p + "webhooks.clerkSigningSecret: the part after whsec_ must be base64"),
        arguments(
            clerkApp("webhooks: { clerkSigningSecret: whsec_ }"),
            p + "webhooks.clerkSigningSecret: the part after whsec_ must be base64"));
  }

  private static String clerkAuth(String keys) {
    return app(
        "auth: { jwksUrl: https://clerk.lance.example/.well-known/jwks.json, " + keys + " }",
        CLERK);
  }

  @ParameterizedTest
  @MethodSource("appRules")
  void refusesWithOneLineNamingTheKey(String yaml, String message) {
    assertFails(yaml, message);
  }
}
