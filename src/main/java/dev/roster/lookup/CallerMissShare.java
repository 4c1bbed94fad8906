package dev.roster.lookup;

import dev.roster.auth.Caller;
import dev.roster.cache.MissAdmission;
import dev.roster.config.AppOptions;
import dev.roster.config.RateLimitOptions;
import dev.roster.config.UpstreamOptions;
import dev.roster.ratelimit.CallerRateLimiter;
import dev.roster.time.TimeSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.stream.Stream;

/**
 * Each caller's share of the upstream budget for cache misses, so one caller reading ids nobody
 * else reads cannot spend the budget every other caller's cold reads need. Hits cost nothing; a
 * lookup that starts an upstream fetch takes one token from the caller's bucket, which refills
 * {@value #SHARE_PERCENT}% of the app's smallest {@code requestsPerSecond} a second and holds two
 * seconds of that. A caller over its share gets 429 {@code RATE_LIMITED} (stale data instead when
 * there is some); the others are untouched.
 */
public final class CallerMissShare {
  /** The part of the upstream budget one caller's misses may use. */
  static final int SHARE_PERCENT = 25;

  private final CallerRateLimiter buckets;

  private CallerMissShare(CallerRateLimiter buckets) {
    this.buckets = buckets;
  }

  /** The share for one app, from its upstreams' budgets. */
  public static CallerMissShare of(AppOptions app, TimeSource time, MeterRegistry registry) {
    int budget =
        Stream.of(app.clerk(), app.lexful())
            .filter(u -> u != null)
            .mapToInt(UpstreamOptions::requestsPerSecond)
            .min()
            .orElse(UpstreamOptions.DEFAULT_REQUESTS_PER_SECOND);
    int perSecond = Math.max(1, budget * SHARE_PERCENT / 100);
    RateLimitOptions share = new RateLimitOptions(perSecond, perSecond * 2);
    return new CallerMissShare(new CallerRateLimiter(app.name(), share, time, registry));
  }

  /** The admission of {@code caller}'s misses. */
  MissAdmission admissionFor(Caller caller) {
    return () -> {
      long wait = buckets.tryAcquire(caller.subject());
      return wait == 0 ? null : new MissShareExceeded(wait);
    };
  }
}
