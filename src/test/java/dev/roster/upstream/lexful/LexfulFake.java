package dev.roster.upstream.lexful;

import dev.roster.config.CircuitBreakerOptions;
import dev.roster.config.UpstreamOptions;
import dev.roster.model.Provider;
import dev.roster.upstream.testing.FakeResponse;
import dev.roster.upstream.testing.FakeUpstream;
import dev.roster.upstream.testing.Fixtures;
import dev.roster.upstream.testing.RecordedRequest;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Lexful test data and a token endpoint on a {@link FakeUpstream}, shared by client tests. */
final class LexfulFake {
  static final String ACCOUNT = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
  static final String KEY_ID = "lexful_demo_key";
  static final String KEY_SECRET = "lexful_demo_secret";
  static final String STATIC_TOKEN = "lexful_demo_static_token";
  static final String TOKEN_PATH = "/v1/auth/token";
  private static final JsonObject USER = Fixtures.object("lexful/user-full.json");

  private LexfulFake() {}

  static UpstreamOptions keyOptions(String baseUrl) {
    return options(baseUrl, null, KEY_ID, KEY_SECRET);
  }

  /** A client with the static token, straight to {@code lexful} (no guards). */
  static LexfulClient tokenClient(io.vertx.core.Vertx vertx, FakeUpstream lexful) {
    return new LexfulClient(
        new dev.roster.upstream.testing.DirectChannel(vertx, lexful.baseUrl()),
        tokenOptions(lexful.baseUrl()),
        new dev.roster.time.ManualTimeSource());
  }

  static UpstreamOptions tokenOptions(String baseUrl) {
    return options(baseUrl, STATIC_TOKEN, null, null);
  }

  private static UpstreamOptions options(String baseUrl, String token, String id, String secret) {
    return new UpstreamOptions(
        Provider.LEXFUL, baseUrl, Duration.ofSeconds(3), 64, 90,
        CircuitBreakerOptions.DEFAULTS, null, ACCOUNT, token, id, secret);
  }

  /** A Lexful user with the given id (a UUID) and organisation scopes ("*" or a list). */
  static JsonObject user(String id, Object organizationScopes) {
    return USER.copy().put("id", id).put("organization_scopes", organizationScopes);
  }

  /** The n-th UUID of a test: stable, distinct, valid. */
  static String uuid(int n) {
    return String.format("00000000-0000-4000-8000-%012d", n);
  }

  /**
   * Serves tokens {@code token-1}, {@code token-2}, ... from the token endpoint, with the given
   * {@code expires_in} (or none when null), under the field name {@code field}.
   */
  static AtomicInteger serveTokens(FakeUpstream fake, Integer expiresIn, String field) {
    AtomicInteger issued = new AtomicInteger();
    fake.on(HttpMethod.POST, TOKEN_PATH, (RecordedRequest r) -> {
      JsonObject body = new JsonObject().put(field, "token-" + issued.incrementAndGet());
      if (expiresIn != null) {
        body.put("expires_in", expiresIn);
      }
      return Future.succeededFuture(FakeResponse.json(200, body));
    });
    return issued;
  }
}
