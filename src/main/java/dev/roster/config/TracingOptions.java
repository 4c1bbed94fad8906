package dev.roster.config;

/**
 * {@code tracing}: OpenTelemetry, off unless {@code otlpEndpoint} is set. When on, a caller's W3C
 * {@code traceparent} is continued into every upstream call and spans are exported over OTLP/HTTP
 * to {@code otlpEndpoint} (for example {@code http://otel-collector:4318}).
 *
 * @param otlpEndpoint the collector's OTLP/HTTP base URL, or null when tracing is off
 * @param serviceName the {@code service.name} resource attribute (default {@code roster})
 * @param sampleRatio the share of new traces sampled, 0 to 1 (default 1); a caller's sampled
 *     flag is always followed
 */
public record TracingOptions(String otlpEndpoint, String serviceName, double sampleRatio) {
  public static final String DEFAULT_SERVICE_NAME = "roster";
  public static final double DEFAULT_SAMPLE_RATIO = 1.0;
  public static final TracingOptions OFF =
      new TracingOptions(null, DEFAULT_SERVICE_NAME, DEFAULT_SAMPLE_RATIO);

  /** Whether a tracer is installed at all; when off, nothing of OpenTelemetry runs. */
  public boolean enabled() {
    return otlpEndpoint != null;
  }
}
