package dev.roster.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * Budget tokens taken and refused by lane, per upstream of an app: {@value #TOKENS} with tags
 * {@code app}, {@code upstream}, {@code lane} ({@code interactive}, {@code background}) and
 * {@code outcome} ({@code taken}, {@code refused}). Named apart from the {@code
 * roster_upstream_budget_tokens} gauge: a counter named that gauge's name plus {@code _total}
 * would be the same metric family in Prometheus.
 */
public final class BudgetLaneMetrics {
  public static final String TOKENS = "roster_upstream_budget_lane_tokens_total";
  public static final String TAG_LANE = "lane";
  public static final String TAKEN = "taken";
  public static final String REFUSED = "refused";

  private final Counter interactiveTaken;
  private final Counter interactiveRefused;
  private final Counter backgroundTaken;
  private final Counter backgroundRefused;

  public BudgetLaneMetrics(MeterRegistry registry, String app, String upstream) {
    Tags tags = Tags.of(UpstreamMetrics.TAG_APP, app, UpstreamMetrics.TAG_UPSTREAM, upstream);
    interactiveTaken = counter(registry, tags, "interactive", TAKEN);
    interactiveRefused = counter(registry, tags, "interactive", REFUSED);
    backgroundTaken = counter(registry, tags, "background", TAKEN);
    backgroundRefused = counter(registry, tags, "background", REFUSED);
  }

  /** Counts one token decision of the interactive ({@code background} false) or background lane. */
  public void count(boolean background, boolean taken) {
    Counter counter = background
        ? (taken ? backgroundTaken : backgroundRefused)
        : (taken ? interactiveTaken : interactiveRefused);
    counter.increment();
  }

  private static Counter counter(MeterRegistry registry, Tags tags, String lane, String outcome) {
    return Counter.builder(TOKENS)
        .description("Upstream budget tokens asked for, by lane and whether they were taken")
        .tags(tags.and(TAG_LANE, lane, UpstreamMetrics.TAG_OUTCOME, outcome))
        .register(registry);
  }
}
