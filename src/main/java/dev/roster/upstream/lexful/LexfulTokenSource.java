package dev.roster.upstream.lexful;

import dev.roster.config.UpstreamOptions;
import dev.roster.time.TimeSource;
import dev.roster.upstream.FailureKind;
import dev.roster.upstream.UpstreamChannel;
import dev.roster.upstream.UpstreamFailure;
import dev.roster.upstream.UpstreamRequest;
import dev.roster.upstream.UpstreamResponse;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/**
 * The bearer token for Lexful: the configured one, or one obtained from {@code POST
 * /v1/auth/token} with the API key. It is fetched lazily, one request at a time however many
 * callers wait, renewed when less than 5 minutes or 10% of its life remain (whichever is
 * shorter), and renewed once more when a call was answered 401.
 */
final class LexfulTokenSource {
  static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(60);
  static final Duration MAX_MARGIN = Duration.ofMinutes(5);
  private static final String CALL = "POST /v1/auth/token";

  private record Token(String value, long expiresAtNanos, long marginNanos) {
    boolean expired(long now) {
      return now - expiresAtNanos >= 0;
    }

    boolean dueForRenewal(long now) {
      return now - (expiresAtNanos - marginNanos) >= 0;
    }
  }

  private final UpstreamChannel channel;
  private final TimeSource time;
  private final String staticToken;
  private final String accountId;
  private final JsonObject credentials;
  private Token current; // guarded by this
  private Future<Token> pending; // guarded by this

  LexfulTokenSource(UpstreamChannel channel, UpstreamOptions options, TimeSource time) {
    this.channel = channel;
    this.time = time;
    this.staticToken = options.token();
    this.accountId = options.accountId();
    this.credentials =
        new JsonObject().put("id", options.apiKeyId()).put("secret", options.apiKeySecret());
    if (staticToken == null && (options.apiKeyId() == null || options.apiKeySecret() == null)) {
      throw new IllegalArgumentException("Lexful needs a token or an API key id and secret");
    }
  }

  /** Whether a 401 is worth a renewal: false for a configured token, which cannot change. */
  boolean renewable() {
    return staticToken == null;
  }

  /** A token fit to use now; waits for the one renewal in flight when it is due. */
  synchronized Future<String> token() {
    if (staticToken != null) {
      return Future.succeededFuture(staticToken);
    }
    long now = time.nanoTime();
    Token held = current;
    if (held != null && !held.dueForRenewal(now)) {
      return Future.succeededFuture(held.value());
    }
    // A renewal that fails while the held token is still valid does not fail the call.
    return fetch()
        .map(Token::value)
        .recover(failure -> held != null && !held.expired(time.nanoTime())
            ? Future.succeededFuture(held.value())
            : Future.failedFuture(failure));
  }

  /**
   * A token to retry with after {@code rejected} was answered 401: a new one, unless another
   * caller already replaced it. A configured token cannot be renewed: that is REJECTED.
   */
  synchronized Future<String> renewAfterRejection(String rejected) {
    if (staticToken != null) {
      return Future.failedFuture(
          new UpstreamFailure(FailureKind.REJECTED, "Lexful refused the configured token (401)"));
    }
    if (current != null && !current.value().equals(rejected)) {
      return Future.succeededFuture(current.value());
    }
    current = null;
    return fetch().map(Token::value);
  }

  private Future<Token> fetch() {
    if (pending != null) {
      return pending;
    }
    long startedAt = time.nanoTime();
    Future<Token> fetching =
        channel.exchange(request(), LexfulWire.JSON.decoder(CALL, r -> token(r, startedAt), () -> {
          throw LexfulWire.JSON.failure(404, CALL);
        }));
    pending = fetching;
    fetching.onComplete(
        (token, failure) -> {
          synchronized (this) {
            pending = null;
            if (token != null) {
              current = token;
            }
          }
        });
    return fetching;
  }

  private UpstreamRequest request() {
    MultiMap headers =
        MultiMap.caseInsensitiveMultiMap()
            .add("X-Account-Id", accountId)
            .add(HttpHeaders.CONTENT_TYPE, "application/json")
            .add(HttpHeaders.ACCEPT, "application/json");
    return new UpstreamRequest(
        HttpMethod.POST, "/v1/auth/token", headers, Buffer.buffer(credentials.encode()));
  }

  /** Lifetime counts from when the request left: the token cannot outlive that. */
  private static Token token(UpstreamResponse response, long startedAt) {
    String what = "token response";
    JsonObject body = LexfulWire.JSON.object(response, what);
    String value = LexfulWire.JSON.string(body, "token", what);
    if (value == null || value.isEmpty()) {
      value = LexfulWire.JSON.requiredString(body, "access_token", what);
    }
    Duration lifetime = lifetime(body.getValue("expires_in"), what);
    long margin = Math.min(MAX_MARGIN.toNanos(), lifetime.toNanos() / 10);
    return new Token(value, startedAt + lifetime.toNanos(), margin);
  }

  private static Duration lifetime(Object expiresIn, String what) {
    if (expiresIn == null) {
      return DEFAULT_LIFETIME;
    }
    if (expiresIn instanceof Number seconds && seconds.longValue() > 0) {
      return Duration.ofSeconds(seconds.longValue());
    }
    throw LexfulWire.JSON.malformed(what + " (expires_in is not a positive number)");
  }
}
