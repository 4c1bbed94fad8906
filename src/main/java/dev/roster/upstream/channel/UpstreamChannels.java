package dev.roster.upstream.channel;

import dev.roster.config.CircuitBreakerOptions;
import dev.roster.config.UpstreamOptions;
import dev.roster.metrics.BudgetLaneMetrics;
import dev.roster.metrics.UpstreamMetrics;
import dev.roster.time.TimeSource;
import dev.roster.upstream.UpstreamChannel;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;

/** Builds the guarded {@link UpstreamChannel} of one upstream of one app. */
public final class UpstreamChannels {
  /** Waiters allowed per concurrency slot before an exchange fails fast instead of queueing. */
  static final int QUEUED_PER_SLOT = 4;

  private UpstreamChannels() {}

  /**
   * {@link #create(Vertx, UpstreamOptions, String, TimeSource, MeterRegistry, ChannelGuards)}
   * with {@link ChannelGuards#local local} guards: a single node's channel.
   */
  public static UpstreamChannel create(
      Vertx vertx,
      UpstreamOptions options,
      String appName,
      TimeSource time,
      MeterRegistry registry) {
    return create(vertx, options, appName, time, registry, ChannelGuards.local(time));
  }

  /**
   * The channel to {@code options.baseUrl()} for app {@code appName}; call once per (app,
   * upstream) and {@link UpstreamChannel#close()} it at shutdown. Its meters are registered in
   * {@code registry} with tags {@code app} and {@code upstream} (the provider's wire name). The
   * request budget and the 429 hold come from {@code guards} (the seam where a cluster-wide
   * budget plugs in); the breaker, concurrency limit and deadline are built here, per channel.
   */
  public static UpstreamChannel create(
      Vertx vertx,
      UpstreamOptions options,
      String appName,
      TimeSource time,
      MeterRegistry registry,
      ChannelGuards guards) {
    String upstream = options.provider().wireName();
    ChannelName name = new ChannelName(appName, upstream);
    CircuitBreakerOptions breakerOptions = options.circuitBreaker() == null
        ? CircuitBreakerOptions.DEFAULTS
        : options.circuitBreaker();
    BreakerPolicy breaker = new BreakerPolicy(appName + "/" + upstream, breakerOptions, time);
    // Lanes wrap whichever budget the guards give (local, or the cluster's shared one).
    LaneBudget budget = new LaneBudget(
        guards.budget(appName, options),
        LaneBudget.reserveFor(options.requestsPerSecond()),
        time,
        new BudgetLaneMetrics(registry, appName, upstream));
    int maxConcurrent = Math.max(1, options.maxConcurrent());
    ConcurrencyLimit limit =
        new ConcurrencyLimit(maxConcurrent, QUEUED_PER_SLOT * maxConcurrent);
    UpstreamMetrics metrics = UpstreamMetrics.register(
        registry, appName, upstream, breaker::stateCode, budget::available);
    SetupStatus credentials =
        new SetupStatus(appName, upstream, credentialSetting(options));
    UpstreamMetrics.registerCredentialGauge(
        registry, appName, upstream, credentials::refusedGauge);
    return new GuardedChannel(
        name,
        vertx,
        time,
        options.timeout(),
        guards.hold(appName, options),
        breaker,
        budget,
        limit,
        new HttpTransport(vertx, options, name),
        metrics,
        credentials);
  }

  /** The configuration key an operator should check when these credentials are refused. */
  private static String credentialSetting(UpstreamOptions options) {
    if (options.secretKey() != null) {
      return "secretKey";
    }
    return options.token() != null ? "token" : "apiKeyId and apiKeySecret";
  }
}
