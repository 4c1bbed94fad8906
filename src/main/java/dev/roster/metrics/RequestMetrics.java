package dev.roster.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Requests by app, route and status ({@code roster_requests_total}). Counters are found by two
 * lookups on interned names and an index by status, so counting allocates nothing. Latency has
 * its own fixed-bucket histogram ({@link RequestLatency}); upstream latency has {@code
 * roster_upstream_latency_seconds}.
 */
public final class RequestMetrics {
  public static final String REQUESTS = "roster_requests_total";
  public static final String FRESH_HITS = "roster.fresh.hits.fast";

  private final MeterRegistry registry;
  private final Map<String, Map<String, RouteCounters>> byApp = new ConcurrentHashMap<>();
  private final RequestLatency latency;
  private final Counter freshHits;

  public RequestMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.latency = new RequestLatency(registry);
    this.freshHits =
        Counter.builder(FRESH_HITS)
            .description(
                "Fresh cache hits answered straight from the connection, without Vert.x's"
                    + " request objects (also counted in roster_requests_total)")
            .register(registry);
  }

  /** Counts one request answered on the fresh-hit fast path. */
  public void freshHit() {
    freshHits.increment();
  }

  /** The request-latency histogram, timed by the router's first handler. */
  public RequestLatency latency() {
    return latency;
  }

  /** Counts one finished request; {@code app} and {@code route} are from a closed set. */
  public void record(String app, String route, int status) {
    Map<String, RouteCounters> routes = byApp.get(app);
    if (routes == null) {
      routes = byApp.computeIfAbsent(app, a -> new ConcurrentHashMap<>());
    }
    RouteCounters counters = routes.get(route);
    if (counters == null) {
      counters = routes.computeIfAbsent(route, r -> new RouteCounters(app, r));
    }
    counters.count(status);
  }

  private final class RouteCounters {
    private final String app;
    private final String route;
    private final AtomicReferenceArray<Counter> byStatus = new AtomicReferenceArray<>(600);

    RouteCounters(String app, String route) {
      this.app = app;
      this.route = route;
    }

    void count(int status) {
      int index = status >= 100 && status < 600 ? status : 0;
      Counter counter = byStatus.get(index);
      if (counter == null) {
        counter =
            Counter.builder(REQUESTS)
                .tag("app", app)
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .register(registry);
        byStatus.set(index, counter);
      }
      counter.increment();
    }
  }
}
