package dev.roster.auth;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.TimeUnit;

/**
 * Fetches one JWKS document: GET, no redirects followed, a whole-response timeout and a cap on the
 * body so a slow or hostile endpoint can neither hang nor flood the verifier.
 */
final class JwksClient {
  static final long TIMEOUT_MILLIS = 5_000;
  static final int MAX_BODY_BYTES = 256 * 1024;

  private final Vertx vertx;
  private final HttpClientAgent client;
  private final RequestOptions request;
  private final String address;

  JwksClient(Vertx vertx, String url) {
    this.vertx = vertx;
    // For log lines: the URL without its query (Okta's carries a client id).
    int query = url.indexOf('?');
    this.address = query < 0 ? url : url.substring(0, query);
    this.client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setConnectTimeout((int) TIMEOUT_MILLIS)
                .setIdleTimeout((int) TIMEOUT_MILLIS)
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS));
    this.request =
        new RequestOptions()
            .setMethod(HttpMethod.GET)
            .setAbsoluteURI(url)
            .setFollowRedirects(false)
            .setConnectTimeout(TIMEOUT_MILLIS)
            .setIdleTimeout(TIMEOUT_MILLIS)
            .putHeader(HttpHeaders.ACCEPT, "application/json");
  }

  /** The body of a 200 answer; fails on any other status, a transport error or the timeout. */
  Future<String> fetch() {
    Promise<String> body = Promise.promise();
    long timer = vertx.setTimer(TIMEOUT_MILLIS, id -> body.tryFail("JWKS fetch timed out"));
    body.future().onComplete(done -> vertx.cancelTimer(timer));
    client.request(request).onFailure(body::tryFail).onSuccess(req -> send(req, body));
    return body.future();
  }

  private void send(HttpClientRequest req, Promise<String> body) {
    req.send().onFailure(body::tryFail).onSuccess(response -> read(req, response, body));
    // Past the deadline the exchange is abandoned; resetting frees the connection.
    body.future().onFailure(e -> req.reset());
  }

  private static void read(
      HttpClientRequest req, HttpClientResponse response, Promise<String> body) {
    if (response.statusCode() != 200) {
      req.reset();
      body.tryFail("JWKS answered status " + response.statusCode());
      return;
    }
    Buffer received = Buffer.buffer();
    response.handler(
        chunk -> {
          if (received.length() + chunk.length() > MAX_BODY_BYTES) {
            req.reset();
            body.tryFail("JWKS body over " + MAX_BODY_BYTES + " bytes");
          } else {
            received.appendBuffer(chunk);
          }
        });
    response.exceptionHandler(body::tryFail);
    response.endHandler(v -> body.tryComplete(received.toString()));
  }

  /** The JWKS URL without its query, safe to log. */
  String address() {
    return address;
  }

  Future<Void> close() {
    return client.close();
  }
}
