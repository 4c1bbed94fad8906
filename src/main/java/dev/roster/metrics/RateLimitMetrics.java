package dev.roster.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The rate limiter's meter for one app: {@code roster_rate_limited_total{app}} in Prometheus
 * terms, one count per request refused with 429. Never tagged by caller: callers are unbounded.
 */
public final class RateLimitMetrics {
  /** The meter name; the Prometheus registry exposes it as {@code roster_rate_limited_total}. */
  public static final String RATE_LIMITED = "roster.rate.limited";

  private final Counter limited;

  public RateLimitMetrics(MeterRegistry registry, String app) {
    this.limited =
        Counter.builder(RATE_LIMITED)
            .description("Requests refused because the caller exceeded its rate")
            .tag("app", app)
            .register(registry);
  }

  /** Counts one request refused with 429. */
  public void limited() {
    limited.increment();
  }
}
