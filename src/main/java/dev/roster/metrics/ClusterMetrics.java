package dev.roster.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;

/**
 * The cluster's meters (SPEC §9). Tags are only {@code type}, {@code reason} and {@code
 * outcome}, each from a short fixed set.
 */
public final class ClusterMetrics {
  public static final String CONNECTED = "roster_cluster_connected";
  public static final String PUBLISHED = "roster_cluster_events_published_total";
  public static final String APPLIED = "roster_cluster_events_applied_total";
  public static final String LAG = "roster_cluster_event_lag_seconds";
  public static final String RESYNCS = "roster_cluster_resyncs_total";
  public static final String OUTBOX = "roster_cluster_outbox_events";
  public static final String L2 = "roster_cluster_l2_lookups_total";
  public static final String LOCKS = "roster_cluster_fill_locks_total";
  public static final String LIVE_PODS = "roster_cluster_live_pods";
  public static final String BUDGET = "roster_cluster_budget_takes_total";

  private final MeterRegistry registry;
  private final Counter published;
  private final DistributionSummary lag;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  public ClusterMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.published = Counter.builder(PUBLISHED)
        .description("Events this replica wrote to the cluster stream")
        .register(registry);
    this.lag = DistributionSummary.builder(LAG)
        .description("Time from an event's publication to its application here")
        .baseUnit("seconds")
        .serviceLevelObjectives(0.005, 0.01, 0.05, 0.1, 0.5, 1, 5)
        .register(registry);
  }

  /** Registers the gauges: connection (1 synced, 0 on its own), outbox size, live replicas. */
  public void gauges(DoubleSupplier connected, DoubleSupplier outbox, DoubleSupplier livePods) {
    Gauge.builder(CONNECTED, connected, DoubleSupplier::getAsDouble).strongReference(true)
        .description("1 while this replica is in step with the cluster through Redis, else 0")
        .register(registry);
    Gauge.builder(OUTBOX, outbox, DoubleSupplier::getAsDouble).strongReference(true)
        .description("Events waiting to be published while Redis is away")
        .register(registry);
    Gauge.builder(LIVE_PODS, livePods, DoubleSupplier::getAsDouble).strongReference(true)
        .description("Replicas seen alive in the cluster (the budget's divisor)")
        .register(registry);
  }

  public void published() {
    published.increment();
  }

  /** An event of another replica applied here, {@code lagMillis} after it was published. */
  public void applied(String type, long lagMillis) {
    counter(APPLIED, "type", type, "Events of other replicas applied here").increment();
    lag.record(Math.max(0, lagMillis) / 1000.0);
  }

  /** A reconnect that replayed ({@code replay}) or had to clear ({@code gap}, {@code epoch}). */
  public void resync(String reason) {
    counter(RESYNCS, "reason", reason, "Reconnects to the cluster, by how they caught up")
        .increment();
  }

  /** An L2 read: {@code hit}, {@code miss}, {@code error}. */
  public void l2(String outcome) {
    counter(L2, "outcome", outcome, "Second-level (Redis) cache reads").increment();
  }

  /** A fill lock: {@code acquired}, {@code waited}, {@code timed_out}. */
  public void lock(String outcome) {
    counter(LOCKS, "outcome", outcome, "Cluster fill locks, by outcome").increment();
  }

  /** A budget token: {@code shared}, {@code local} (Redis away). */
  public void budget(String mode) {
    counter(BUDGET, "mode", mode, "Upstream budget decisions, by where they were made")
        .increment();
  }

  private Counter counter(String name, String tag, String value, String description) {
    return counters.computeIfAbsent(name + "|" + value,
        k -> Counter.builder(name).description(description).tag(tag, value).register(registry));
  }
}
