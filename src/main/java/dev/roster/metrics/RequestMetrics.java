package dev.roster.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Requests by app, route and status, and their latency ({@code roster_requests_*}). */
public final class RequestMetrics {
  public static final String REQUESTS = "roster_requests_total";
  public static final String DURATION = "roster_request_duration_seconds";

  private final MeterRegistry registry;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  public RequestMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Records one finished request; {@code app} and {@code route} are from a closed set. */
  public void record(String app, String route, int status, long nanos) {
    String key = app + '|' + route + '|' + status;
    Counter counter = counters.get(key);
    if (counter == null) {
      counter =
          counters.computeIfAbsent(
              key,
              k ->
                  Counter.builder(REQUESTS)
                      .tag("app", app)
                      .tag("route", route)
                      .tag("status", Integer.toString(status))
                      .register(registry));
    }
    counter.increment();
    String timerKey = app + '|' + route;
    Timer timer = timers.get(timerKey);
    if (timer == null) {
      timer =
          timers.computeIfAbsent(
              timerKey,
              k ->
                  Timer.builder(DURATION)
                      .tag("app", app)
                      .tag("route", route)
                      .publishPercentileHistogram()
                      .register(registry));
    }
    timer.record(nanos, TimeUnit.NANOSECONDS);
  }
}
