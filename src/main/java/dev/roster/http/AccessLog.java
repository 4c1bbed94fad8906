package dev.roster.http;

import dev.roster.cache.CacheOutcome;
import dev.roster.metrics.RequestMetrics;
import dev.roster.metrics.RequestScope;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;

/**
 * Turns a finished request into its request metrics (on the event loop: counters only) and its
 * access-log line (SPEC §7), which the batched {@link AccessLogWriter} formats on its own thread:
 * the client address through {@link ClientAddress} (trusted proxies' {@code X-Forwarded-For}),
 * the trace id from {@code traceparent}.
 */
final class AccessLog {
  private final AccessLogWriter writer;
  private final RequestMetrics metrics;
  private final ClientAddress clients;

  /** @param metrics null: the requests are not counted (the admin port) */
  AccessLog(AccessLogWriter writer, RequestMetrics metrics, ClientAddress clients) {
    this.writer = writer;
    this.metrics = metrics;
    this.clients = clients;
  }

  void record(AccessRecord record, HttpServerRequest request) {
    record(record, clients.forwardedFor(request));
  }

  /** The {@code X-Forwarded-For} values a line will need, from a request's Netty headers. */
  List<String> forwardedFor(io.netty.handler.codec.http.HttpHeaders headers) {
    return clients.forwardedFor(headers);
  }

  /** As above, with the forwarded-for values already taken (null: none, or none trusted). */
  void record(AccessRecord record, List<String> forwardedFor) {
    if (metrics != null) {
      metrics.record(record.app, record.route, record.status);
      metrics.latency().record(record.app, record.route, record.nanos);
    }
    // A fresh hit made no upstream call: the request's context storage is not even looked at.
    record.upstreamCalls =
        record.outcome == CacheOutcome.HIT ? 0 : RequestScope.upstreamCalls();
    record.clients = clients;
    record.forwardedFor = forwardedFor;
    writer.append(record);
  }
}
