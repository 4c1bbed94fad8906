package dev.roster.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Requests by app, route and status, and their latency ({@code roster_requests_*}). Meters are
 * found by two lookups on interned names and an index by status, so recording allocates nothing.
 */
public final class RequestMetrics {
  public static final String REQUESTS = "roster_requests_total";
  public static final String DURATION = "roster_request_duration_seconds";
  private static final Duration[] BUCKETS = {
    Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
    Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
    Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(3)
  };

  private final MeterRegistry registry;
  private final Map<String, Map<String, RouteMeters>> byApp = new ConcurrentHashMap<>();

  public RequestMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Records one finished request; {@code app} and {@code route} are from a closed set. */
  public void record(String app, String route, int status, long nanos) {
    Map<String, RouteMeters> routes = byApp.get(app);
    if (routes == null) {
      routes = byApp.computeIfAbsent(app, a -> new ConcurrentHashMap<>());
    }
    RouteMeters meters = routes.get(route);
    if (meters == null) {
      meters = routes.computeIfAbsent(route, r -> new RouteMeters(app, r));
    }
    meters.record(status, nanos);
  }

  private final class RouteMeters {
    private final String app;
    private final String route;
    private final Timer duration;
    private final AtomicReferenceArray<Counter> byStatus = new AtomicReferenceArray<>(600);

    RouteMeters(String app, String route) {
      this.app = app;
      this.route = route;
      this.duration =
          Timer.builder(DURATION)
              .tag("app", app)
              .tag("route", route)
              .serviceLevelObjectives(BUCKETS)
              .register(registry);
    }

    void record(int status, long nanos) {
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
      duration.record(nanos, TimeUnit.NANOSECONDS);
    }
  }
}
