package dev.roster.http;

import dev.roster.auth.AuthFailure;
import dev.roster.lookup.MissShareExceeded;
import dev.roster.lookup.UserNotFound;
import dev.roster.upstream.UpstreamFailure;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/**
 * The one place errors become responses: every error on both ports is {@code {"error": {"code",
 * "message"}}}, never with a stack trace, an upstream body or a secret.
 */
public final class ErrorWriter {
  private static final System.Logger LOG = System.getLogger(ErrorWriter.class.getName());
  private static final CharSequence JSON = HttpHeaders.createOptimized("application/json");
  private static final String BYPASS = "roster; fwd=bypass";
  private static final String UPSTREAM_DOWN = "roster; fwd=miss; detail=upstream-unavailable";

  /** One constant body for "no such user" and "not visible", so the two are byte-identical. */
  private static final Buffer USER_NOT_FOUND =
      envelope("NOT_FOUND", "No user with this id is visible to the caller.");

  private ErrorWriter() {}

  /** Maps any failure of a request to its response; unexpected ones are logged once. */
  public static void write(HttpServerResponse response, Throwable failure, String requestId) {
    if (response.ended() || response.closed()) {
      return;
    }
    if (failure instanceof UserNotFound) {
      send(response, 404, BYPASS, USER_NOT_FOUND);
    } else if (failure instanceof ApiError error) {
      write(response, error);
    } else if (failure instanceof MissShareExceeded share) {
      write(
          response,
          new ApiError(
              429,
              "RATE_LIMITED",
              "Too many lookups of uncached users from this caller; retry later.",
              share.retryAfterSeconds()));
    } else if (failure instanceof AuthFailure auth) {
      response
          .headers()
          .set(
              "WWW-Authenticate",
              auth.missingToken() ? "Bearer" : "Bearer error=\"invalid_token\"");
      send(response, 401, BYPASS, envelope("UNAUTHORIZED", authMessage(auth)));
    } else if (failure instanceof UpstreamFailure upstream) {
      response.headers().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter(upstream)));
      send(
          response,
          503,
          UPSTREAM_DOWN,
          envelope("UPSTREAM_UNAVAILABLE", "The identity provider is unavailable; retry later."));
    } else {
      LOG.log(System.Logger.Level.ERROR, "request " + requestId + " failed unexpectedly", failure);
      send(response, 500, BYPASS, envelope("INTERNAL_ERROR", "An internal error occurred."));
    }
  }

  /** Writes an {@link ApiError}. */
  public static void write(HttpServerResponse response, ApiError error) {
    if (response.ended() || response.closed()) {
      return;
    }
    if (error.retryAfterSeconds() > 0) {
      response.headers().set(HttpHeaders.RETRY_AFTER, Long.toString(error.retryAfterSeconds()));
    }
    send(response, error.status(), BYPASS, envelope(error.code(), error.getMessage()));
  }

  static Buffer envelope(String code, String message) {
    return new JsonObject()
        .put("error", new JsonObject().put("code", code).put("message", message))
        .toBuffer();
  }

  private static void send(HttpServerResponse response, int status, String cacheStatus, Buffer body) {
    response.setStatusCode(status);
    response.headers().set(HttpHeaders.CONTENT_TYPE, JSON);
    response.headers().set(ResponseHeaders.CACHE_STATUS, cacheStatus);
    response.headers().set(HttpHeaders.CACHE_CONTROL, "no-store");
    // Set here, not left to Vert.x: a HEAD answer carries the length its GET would have.
    response.headers().set(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length()));
    response.end(body);
  }

  private static String authMessage(AuthFailure auth) {
    return auth.missingToken()
        ? "A bearer token is required."
        : "The bearer token is invalid: " + auth.getMessage();
  }

  private static long retryAfter(UpstreamFailure failure) {
    Duration after = failure.retryAfter();
    if (after == null) {
      return 1;
    }
    return Math.max(1, (after.toMillis() + 999) / 1000);
  }
}
