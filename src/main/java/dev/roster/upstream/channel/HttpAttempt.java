package dev.roster.upstream.channel;

import dev.roster.upstream.FailureKind;
import dev.roster.upstream.UpstreamFailure;
import dev.roster.upstream.UpstreamResponse;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;

/**
 * One request on the wire and the reading of its whole response, with a cap on the body. It
 * completes once: with the response, or with CONNECT, RESET or MALFORMED. Confined to the
 * context that started it, so it needs no locks.
 */
final class HttpAttempt {
  private final ChannelName name;
  private final Promise<UpstreamResponse> outcome;
  private final int maxBodyBytes;
  private HttpClientRequest request;
  private boolean aborted;

  HttpAttempt(ChannelName name, Promise<UpstreamResponse> outcome, int maxBodyBytes) {
    this.name = name;
    this.outcome = outcome;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** The complete response, or an {@link UpstreamFailure}. */
  Future<UpstreamResponse> response() {
    return outcome.future();
  }

  /**
   * Stops the attempt now (the deadline passed): the request is reset, which closes an HTTP/1.1
   * connection, so a server dripping a body cannot hold it any longer.
   */
  void abort() {
    aborted = true;
    if (request != null) {
      stop(request);
    }
  }

  void connected(HttpClientRequest request, Buffer body) {
    this.request = request;
    // A reset before the request was fully written (the deadline passed while connecting, under
    // load) is reported to the request itself; without a handler Vert.x logs it SEVERE. The
    // failure already reaches the outcome through the send future.
    request.exceptionHandler(ignored -> {});
    if (aborted) {
      stop(request);
      return;
    }
    Future<HttpClientResponse> sent = body == null ? request.send() : request.send(body);
    sent.onComplete(ar -> {
      if (ar.succeeded()) {
        read(ar.result());
      } else {
        fail(name.failure(FailureKind.RESET, "connection closed before the response"));
      }
    });
  }

  void fail(UpstreamFailure failure) {
    outcome.tryFail(failure);
  }

  private void read(HttpClientResponse response) {
    String length = response.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null && declaredTooLong(length)) {
      tooLarge();
      return;
    }
    Buffer body = Buffer.buffer();
    response.handler(chunk -> {
      if (body.length() + chunk.length() > maxBodyBytes) {
        tooLarge();
      } else {
        body.appendBuffer(chunk);
      }
    });
    response.exceptionHandler(
        error -> fail(name.failure(FailureKind.RESET, "connection closed mid-response")));
    response.endHandler(
        done -> outcome.tryComplete(
            new UpstreamResponse(response.statusCode(), response.headers(), body)));
  }

  private boolean declaredTooLong(String length) {
    try {
      return Long.parseLong(length.trim()) > maxBodyBytes;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private void tooLarge() {
    if (outcome.tryFail(name.failure(FailureKind.MALFORMED, "response body too large"))) {
      stop(request);
    }
  }

  /**
   * Resets the request and closes its connection: once the response head has arrived a reset
   * alone may leave an HTTP/1.1 connection open, and one request owns its connection (no
   * pipelining), so closing it costs no other exchange anything.
   */
  private static void stop(HttpClientRequest request) {
    request.reset();
    request.connection().close();
  }
}
