package dev.roster.config;

import dev.roster.model.Provider;
import java.time.Duration;
import java.util.regex.Pattern;

/** Reads and validates {@code apps.<name>.upstreams} (SPEC §4, §6). */
final class UpstreamReader {
  static final String CLERK_BASE_URL = "https://api.clerk.com";
  static final String LEXFUL_BASE_URL = "https://api.us.lexful.app";

  static final Duration MAX_BATCH_WINDOW = Duration.ofMillis(100);

  private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
  private static final String[] SHARED_KEYS = {
    "baseUrl", "timeout", "maxConcurrent", "requestsPerSecond", "circuitBreaker"
  };

  private UpstreamReader() {}

  /** The app's upstreams as {clerk, lexful}; one of them may be null, never both. */
  static UpstreamOptions[] read(Section app) {
    if (!app.has("upstreams")) {
      throw app.fail("upstreams", "required (clerk, lexful or both)");
    }
    Section upstreams = app.section("upstreams").allowOnly("clerk", "lexful");
    if (!upstreams.has("clerk") && !upstreams.has("lexful")) {
      throw upstreams.fail(null, "at least one of clerk, lexful is required");
    }
    UpstreamOptions clerk = upstreams.has("clerk") ? clerk(upstreams.section("clerk")) : null;
    UpstreamOptions lexful = upstreams.has("lexful") ? lexful(upstreams.section("lexful")) : null;
    return new UpstreamOptions[] {clerk, lexful};
  }

  private static UpstreamOptions clerk(Section clerk) {
    clerk.allowOnly(with(SHARED_KEYS, "secretKey", "batchWindow"));
    String secretKey = clerk.required("secretKey");
    Duration batchWindow =
        clerk.duration("batchWindow", UpstreamOptions.DEFAULT_BATCH_WINDOW, false);
    if (batchWindow.compareTo(MAX_BATCH_WINDOW) > 0) {
      throw clerk.fail("batchWindow", "must be at most 100ms (a lone miss waits this long)");
    }
    return shared(clerk, Provider.CLERK, CLERK_BASE_URL, secretKey, null, null, null, null)
        .withBatchWindow(batchWindow);
  }

  /**
   * The budget when none is set: 90% of the instance's limit, read from the kind of key. A
   * development instance ({@code sk_test_}) allows 100 requests per 10 s, so 9 per second (a
   * full bucket of 9 plus 9 per second admits at most 99 in any 10 s); a production one
   * ({@code sk_live_}, or any other key) 1000 per 10 s, so 90.
   */
  static int defaultRequestsPerSecond(String secretKey) {
    return secretKey != null && secretKey.startsWith("sk_test_")
        ? UpstreamOptions.DEVELOPMENT_REQUESTS_PER_SECOND
        : UpstreamOptions.DEFAULT_REQUESTS_PER_SECOND;
  }

  private static UpstreamOptions lexful(Section lexful) {
    lexful.allowOnly(with(SHARED_KEYS, "accountId", "token", "apiKeyId", "apiKeySecret"));
    String accountId = lexful.required("accountId");
    if (!ACCOUNT_ID.matcher(accountId).matches()) {
      throw lexful.fail(
          "accountId", Section.quote(accountId) + " is not an account id (letters, digits, . _ -)");
    }
    String token = lexful.string("token", null);
    String apiKeyId = lexful.string("apiKeyId", null);
    String apiKeySecret = lexful.string("apiKeySecret", null);
    if (token != null && (apiKeyId != null || apiKeySecret != null)) {
      throw lexful.fail(null, "use either token or apiKeyId + apiKeySecret, not both");
    }
    if (token == null && apiKeyId == null && apiKeySecret == null) {
      throw lexful.fail(null, "exactly one of token or apiKeyId + apiKeySecret is required");
    }
    if (token == null && apiKeySecret == null) {
      throw lexful.fail("apiKeySecret", "required with apiKeyId");
    }
    if (token == null && apiKeyId == null) {
      throw lexful.fail("apiKeyId", "required with apiKeySecret");
    }
    return shared(
        lexful, Provider.LEXFUL, LEXFUL_BASE_URL, null, accountId, token, apiKeyId, apiKeySecret);
  }

  private static UpstreamOptions shared(
      Section s,
      Provider provider,
      String defaultBaseUrl,
      String secretKey,
      String accountId,
      String token,
      String apiKeyId,
      String apiKeySecret) {
    String baseUrl = s.url("baseUrl", defaultBaseUrl);
    while (baseUrl.endsWith("/")) {
      baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
    }
    if (baseUrl.toLowerCase(java.util.Locale.ROOT).endsWith("/v1")) {
      // Clerk's OpenAPI names its server ".../v1"; Roster would then call /v1/v1/... and read
      // every 404 as "no such user".
      String origin = baseUrl.substring(0, baseUrl.length() - 3);
      throw s.fail("baseUrl", Section.quote(baseUrl) + " ends in /v1: give the origin ("
          + Section.quote(origin) + "); Roster appends /v1/... itself");
    }
    Section breaker = s.section("circuitBreaker").allowOnly("failureThreshold", "openFor");
    CircuitBreakerOptions circuitBreaker =
        new CircuitBreakerOptions(
            breaker.integer(
                "failureThreshold", CircuitBreakerOptions.DEFAULT_FAILURE_THRESHOLD, 1, 1000),
            breaker.duration("openFor", CircuitBreakerOptions.DEFAULT_OPEN_FOR, true));
    return new UpstreamOptions(
        provider,
        baseUrl,
        s.duration("timeout", UpstreamOptions.DEFAULT_TIMEOUT, true),
        s.integer("maxConcurrent", UpstreamOptions.DEFAULT_MAX_CONCURRENT, 1, 10_000),
        s.integer("requestsPerSecond", defaultRequestsPerSecond(secretKey), 1, 100_000),
        circuitBreaker,
        secretKey,
        accountId,
        token,
        apiKeyId,
        apiKeySecret);
  }

  private static String[] with(String[] base, String... more) {
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }
}
