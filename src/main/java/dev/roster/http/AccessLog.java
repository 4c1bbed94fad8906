package dev.roster.http;

import dev.roster.cache.CacheOutcome;
import dev.roster.metrics.RequestMetrics;
import dev.roster.metrics.RequestScope;
import io.vertx.core.http.HttpServerRequest;

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
    if (metrics != null) {
      metrics.record(record.app, record.route, record.status);
      metrics.latency().record(record.app, record.route, record.nanos);
    }
    // A fresh hit made no upstream call: the request's context storage is not even looked at.
    record.upstreamCalls =
        record.outcome == CacheOutcome.HIT ? 0 : RequestScope.upstreamCalls();
    record.clients = clients;
    record.forwardedFor = clients.forwardedFor(request);
    writer.append(record);
  }
}
