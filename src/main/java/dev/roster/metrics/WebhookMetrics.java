package dev.roster.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The webhook meters of one app: {@code roster_webhooks_total{app,outcome}} in Prometheus
 * terms. {@code outcome} is a fixed tag such as {@code processed}, {@code duplicate}, {@code
 * ignored}, {@code signature_mismatch}, {@code timestamp_too_old}, {@code malformed_json}; never
 * an id.
 */
public final class WebhookMetrics {
  /** The meter name; the Prometheus registry exposes it as {@code roster_webhooks_total}. */
  public static final String WEBHOOKS = "roster.webhooks";

  private final MeterRegistry registry;
  private final String app;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  public WebhookMetrics(MeterRegistry registry, String app) {
    this.registry = registry;
    this.app = app;
  }

  /** Counts one delivery that ended with {@code outcome}. */
  public void delivered(String outcome) {
    counters.computeIfAbsent(outcome, this::counter).increment();
  }

  private Counter counter(String outcome) {
    return Counter.builder(WEBHOOKS)
        .description("Clerk webhook deliveries by outcome")
        .tag("app", app)
        .tag("outcome", outcome)
        .register(registry);
  }
}
