package dev.roster.upstream;

import dev.roster.config.CircuitBreakerOptions;
import dev.roster.config.UpstreamOptions;
import dev.roster.metrics.UpstreamMetrics;
import dev.roster.time.TimeSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;

/** Builds the guarded {@link UpstreamChannel} of one upstream of one app. */
public final class UpstreamChannels {
  /** Waiters allowed per concurrency slot before an exchange fails fast instead of queueing. */
  static final int QUEUED_PER_SLOT = 4;

  private UpstreamChannels() {}

  /**
   * The channel to {@code options.baseUrl()} for app {@code appName}; call once per (app,
   * upstream) and {@link UpstreamChannel#close()} it at shutdown. Its meters are registered in
   * {@code registry} with tags {@code app} and {@code upstream} (the provider's wire name).
   */
  public static UpstreamChannel create(
      Vertx vertx,
      UpstreamOptions options,
      String appName,
      TimeSource time,
      MeterRegistry registry) {
    String upstream = options.provider().wireName();
    ChannelName name = new ChannelName(appName, upstream);
    CircuitBreakerOptions breakerOptions = options.circuitBreaker() == null
        ? CircuitBreakerOptions.DEFAULTS
        : options.circuitBreaker();
    BreakerPolicy breaker = new BreakerPolicy(appName + "/" + upstream, breakerOptions, time);
    RequestBudget budget = new RequestBudget(options.requestsPerSecond(), time);
    int maxConcurrent = Math.max(1, options.maxConcurrent());
    ConcurrencyLimit limit =
        new ConcurrencyLimit(maxConcurrent, QUEUED_PER_SLOT * maxConcurrent);
    UpstreamMetrics metrics = UpstreamMetrics.register(
        registry, appName, upstream, breaker::stateCode, budget::available);
    return new GuardedChannel(
        name,
        vertx,
        time,
        options.timeout(),
        new RateLimitHold(time, name),
        breaker,
        budget,
        limit,
        new HttpTransport(vertx, options, name),
        metrics);
  }
}
