package dev.roster.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * The meters of one upstream of one app. Tags are only {@code app}, {@code upstream} and
 * {@code outcome} ({@code ok} or a failure kind's outcome), so the series stay few.
 */
public final class UpstreamMetrics {
  public static final String REQUESTS = "roster_upstream_requests_total";
  public static final String LATENCY = "roster_upstream_latency_seconds";
  public static final String CIRCUIT_STATE = "roster_upstream_circuit_state";
  public static final String BUDGET_TOKENS = "roster_upstream_budget_tokens";
  public static final String CREDENTIALS_REFUSED = "roster_upstream_credentials_refused";
  public static final String TAG_APP = "app";
  public static final String TAG_UPSTREAM = "upstream";
  public static final String TAG_OUTCOME = "outcome";
  public static final String OUTCOME_OK = "ok";
  /** Circuit state gauge values. */
  public static final int CIRCUIT_CLOSED = 0;
  public static final int CIRCUIT_OPEN = 1;
  public static final int CIRCUIT_HALF_OPEN = 2;

  private final MeterRegistry registry;
  private final Tags tags;
  private final Timer latency;
  private final ConcurrentMap<String, Counter> requests = new ConcurrentHashMap<>();

  private UpstreamMetrics(MeterRegistry registry, Tags tags) {
    this.registry = registry;
    this.tags = tags;
    // Buckets around the default 3 s deadline: the interesting part is 10 ms to 3 s.
    this.latency = Timer.builder(LATENCY)
        .description("Duration of upstream exchanges that passed the guards, retry included")
        .tags(tags)
        .serviceLevelObjectives(
            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5))
        .register(registry);
  }

  /**
   * Registers the meters of one upstream; the gauges read {@code circuitState} (one of the
   * {@code CIRCUIT_*} values) and {@code budgetTokens} whenever they are scraped.
   */
  public static UpstreamMetrics register(
      MeterRegistry registry,
      String app,
      String upstream,
      DoubleSupplier circuitState,
      DoubleSupplier budgetTokens) {
    Tags tags = Tags.of(TAG_APP, app, TAG_UPSTREAM, upstream);
    Gauge.builder(CIRCUIT_STATE, circuitState, DoubleSupplier::getAsDouble)
        .description("Circuit breaker state: 0 closed, 1 open, 2 half-open")
        .tags(tags)
        .strongReference(true)
        .register(registry);
    Gauge.builder(BUDGET_TOKENS, budgetTokens, DoubleSupplier::getAsDouble)
        .description("Requests left in the current per-second budget")
        .tags(tags)
        .strongReference(true)
        .register(registry);
    return new UpstreamMetrics(registry, tags);
  }

  /** Registers the gauge that reads 1 while the upstream refuses the app's credentials. */
  public static void registerCredentialGauge(
      MeterRegistry registry, String app, String upstream, DoubleSupplier refused) {
    Gauge.builder(CREDENTIALS_REFUSED, refused, DoubleSupplier::getAsDouble)
        .description("1 while the upstream refuses the app's credentials (401/403), else 0")
        .tags(Tags.of(TAG_APP, app, TAG_UPSTREAM, upstream))
        .strongReference(true)
        .register(registry);
  }

  /** Counts one finished exchange with its outcome tag. */
  public void countOutcome(String outcome) {
    requests
        .computeIfAbsent(outcome, o -> Counter.builder(REQUESTS)
            .description("Upstream exchanges by outcome, failed-fast ones included")
            .tags(tags.and(TAG_OUTCOME, o))
            .register(registry))
        .increment();
  }

  /** Records how long one exchange that passed the guards took. */
  public void recordLatency(long nanos) {
    latency.record(nanos, TimeUnit.NANOSECONDS);
  }
}
