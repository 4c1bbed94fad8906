package dev.roster.http;

import dev.roster.cache.CacheOutcome;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.util.List;

/**
 * What one request's access-log line is made of, gathered as the request is answered (its id,
 * app, route, cache outcome) and completed when the response head goes out: this record is the
 * response's headers-end handler, so the line and the request metrics are written exactly once,
 * whatever ends the response. At that moment it takes what the line needs from the request
 * (references only: no text is made on the event loop) and goes to the {@link AccessLog}, whose
 * writer thread formats it. On the public port it also adds a browser widget's CORS headers then,
 * so they are on every answer, errors included.
 */
final class AccessRecord implements Handler<Void> {
  final HttpServerRequest request;
  final long startedNanos;
  final CharSequence requestId;
  private final AccessLog log;
  String app = "unknown";
  String route = "other";
  CacheOutcome outcome;
  private String allowOrigin;
  private boolean vary;

  // Taken when the response head goes out; read by the log's writer thread.
  HttpMethod method;
  int status;
  long nanos;
  long millis;
  int upstreamCalls;
  String traceparent;
  SocketAddress peer;
  List<String> forwardedFor;
  ClientAddress clients;

  AccessRecord(HttpServerRequest request, AccessLog log) {
    this.request = request;
    this.startedNanos = System.nanoTime();
    this.log = log;
    this.requestId = RequestIds.assign(request);
  }

  /**
   * The record of a request answered without Vert.x's request objects ({@link FreshHits}): no
   * request, no headers-end handling; whoever answers fills every field.
   */
  AccessRecord(CharSequence requestId, long startedNanos) {
    this.request = null;
    this.startedNanos = startedNanos;
    this.log = null;
    this.requestId = requestId;
  }

  /** Marks the response for CORS: {@code Vary: Origin}, and the allowed origin when non-null. */
  void cors(String allowOrigin) {
    this.vary = true;
    this.allowOrigin = allowOrigin;
  }

  /** The response head is going out: CORS headers, then the log line and metrics. */
  @Override
  public void handle(Void ignored) {
    if (vary) {
      CorsHandler.decorate(request.response().headers(), allowOrigin);
    }
    status = request.response().getStatusCode();
    nanos = System.nanoTime() - startedNanos;
    millis = System.currentTimeMillis();
    method = request.method();
    traceparent = request.getHeader(TraceParent.HEADER);
    peer = request.remoteAddress();
    log.record(this, request);
  }

  /** The request's {@code Accept-Encoding}, for compressed answers. */
  String acceptEncoding() {
    return request.getHeader(HttpHeaders.ACCEPT_ENCODING);
  }
}
