package dev.roster.http;

import dev.roster.metrics.RequestMetrics;
import dev.roster.metrics.RequestScope;

/**
 * Turns a finished request into its access-log line (SPEC §7) and its request metrics. Lines go
 * to the batched {@link AccessLogWriter}; the client address is read through {@link
 * ClientAddress} (trusted proxies' {@code X-Forwarded-For}), the trace id from {@code
 * traceparent}.
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

  void record(AccessRecord record, int status) {
    long nanos = System.nanoTime() - record.startedNanos;
    if (metrics != null) {
      metrics.record(record.app, record.route, status);
    }
    writer.append(
        record, status, nanos, RequestScope.upstreamCalls(), clients.of(record.request));
  }
}
