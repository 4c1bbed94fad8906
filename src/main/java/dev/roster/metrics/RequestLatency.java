package dev.roster.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code roster_request_duration_seconds{app,route}}: a histogram of public requests, from the
 * router's first handler to the response head, with fixed buckets from 0.5 ms (a cache hit) to
 * 5 s (past the default upstream deadline). An app's timers are made for every route on its
 * first request, so recording is two map lookups and one timer update: no allocation, no lock,
 * no percentile computation (fixed buckets, no client-side quantiles).
 */
public final class RequestLatency {
  public static final String NAME = "roster.request.duration";
  /** The routes requests are tagged with (set by the handlers; {@code other} for the rest). */
  public static final List<String> ROUTES = List.of("user", "users", "webhook", "other");
  /** The app tag of a request whose path named no configured app. */
  public static final String UNKNOWN_APP = "unknown";

  private static final Duration[] BUCKETS = {
    Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofMillis(2),
    Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
    Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
    Duration.ofMillis(2500), Duration.ofSeconds(5)
  };

  private final MeterRegistry registry;
  private final Map<String, Map<String, Timer>> timers = new ConcurrentHashMap<>();
  private final Map<String, Timer> unknownApp;

  /** Timers of an app are made, all routes at once, on its first request. */
  public RequestLatency(MeterRegistry registry) {
    this.registry = registry;
    this.unknownApp = routes(registry, UNKNOWN_APP);
  }

  private static Map<String, Timer> routes(MeterRegistry registry, String app) {
    Map<String, Timer> byRoute = new HashMap<>();
    for (String route : ROUTES) {
      byRoute.put(
          route,
          Timer.builder(NAME)
              .description("Public requests from arrival to the response head, by app and route")
              .tag("app", app)
              .tag("route", route)
              .serviceLevelObjectives(BUCKETS)
              .register(registry));
    }
    return Map.copyOf(byRoute);
  }

  /** Records one request of {@code app} on {@code route} that took {@code nanos}. */
  public void record(String app, String route, long nanos) {
    // The app key is only ever a configured app's name (AppResolver sets it), so the set of
    // timers stays bounded by the configuration.
    Map<String, Timer> byRoute = app == null ? unknownApp : timers.get(app);
    if (byRoute == null) {
      byRoute = timers.computeIfAbsent(app, a -> routes(registry, a));
    }
    Timer timer = route == null ? null : byRoute.get(route);
    if (timer == null) {
      timer = byRoute.get("other");
    }
    timer.record(nanos, TimeUnit.NANOSECONDS);
  }
}
