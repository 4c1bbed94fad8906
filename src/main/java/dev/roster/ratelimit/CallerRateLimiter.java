package dev.roster.ratelimit;

import dev.roster.cache.ExpiringMap;
import dev.roster.config.RateLimitOptions;
import dev.roster.metrics.RateLimitMetrics;
import dev.roster.time.TimeSource;
import dev.roster.time.TimeSourceMeter;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * The per-caller rate limit of one app (SPEC §2.3, {@code 429 RATE_LIMITED}): a token bucket per
 * caller holding {@code burst} tokens and refilling {@code perCallerPerSecond} a second, greedily.
 *
 * <p>Memory stays bounded however many callers arrive: buckets live in a size-bounded {@link
 * ExpiringMap} and each is forgotten once it has been idle long enough to be full again ({@code
 * burst / perCallerPerSecond} seconds, at least one). A forgotten bucket is therefore
 * indistinguishable from a full one, so forgetting never lets a caller through that the bucket
 * would have refused. Only eviction for size (more than {@link #DEFAULT_MAX_CALLERS} callers active
 * at once) may forget a bucket early.
 *
 * <p>Thread-safe; one map operation and one bucket consumption per request.
 */
public final class CallerRateLimiter {
  /** How many callers' buckets one app keeps at most. */
  public static final long DEFAULT_MAX_CALLERS = 100_000;

  private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

  private final int burst;
  private final int perSecond;
  private final TimeMeter meter;
  private final ExpiringMap<String, Bucket> buckets;
  private final RateLimitMetrics metrics;

  public CallerRateLimiter(
      String app, RateLimitOptions options, TimeSource time, MeterRegistry registry) {
    this(app, options, time, registry, DEFAULT_MAX_CALLERS);
  }

  /** As above, keeping at most {@code maxCallers} buckets. */
  public CallerRateLimiter(
      String app,
      RateLimitOptions options,
      TimeSource time,
      MeterRegistry registry,
      long maxCallers) {
    if (options.perCallerPerSecond() < 1 || options.burst() < 1) {
      throw new IllegalArgumentException(
          "rateLimit of app " + app + ": perCallerPerSecond and burst must be at least 1");
    }
    if (maxCallers < 1) {
      throw new IllegalArgumentException("maxCallers must be at least 1");
    }
    this.burst = options.burst();
    this.perSecond = options.perCallerPerSecond();
    this.meter = new TimeSourceMeter(time);
    long idleToForget = idleNanosUntilFull(burst, perSecond);
    // Every write (each acquire) restarts the idle period, so the bucket lives while it is used.
    this.buckets = new ExpiringMap<>(maxCallers, time, (caller, bucket) -> idleToForget);
    this.metrics = new RateLimitMetrics(registry, app);
  }

  /**
   * Takes one token from the caller's bucket.
   *
   * @param callerKey who is calling: the token's {@code sub}
   * @return 0 when the request may go on; otherwise the whole seconds (at least 1) after which a
   *     token will be there, for {@code Retry-After}
   */
  public long tryAcquire(String callerKey) {
    Attempt attempt = new Attempt();
    // Consuming inside compute() makes the consumption and the expiry refresh one atomic step,
    // so a bucket is never forgotten between being drained and being written back.
    buckets.compute(callerKey, attempt);
    ConsumptionProbe probe = attempt.probe;
    if (probe.isConsumed()) {
      return 0;
    }
    metrics.limited();
    return retryAfterSeconds(probe.getNanosToWaitForRefill());
  }

  /** How many callers' buckets are held now (an estimate); for tests and sizing. */
  long trackedCallers() {
    return buckets.size();
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(limit -> limit.capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)))
        .withCustomTimePrecision(meter)
        .build();
  }

  static long retryAfterSeconds(long nanosToWait) {
    long seconds = (nanosToWait + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
    return Math.max(1, seconds);
  }

  static long idleNanosUntilFull(int burst, int perSecond) {
    long nanos = (burst * NANOS_PER_SECOND + perSecond - 1) / perSecond;
    return Math.max(NANOS_PER_SECOND, nanos);
  }

  /** The remapping step of one acquire; carries the probe out of {@code compute}. */
  private final class Attempt implements BiFunction<String, Bucket, Bucket> {
    private ConsumptionProbe probe;

    @Override
    public Bucket apply(String caller, Bucket bucket) {
      Bucket live = bucket != null ? bucket : newBucket();
      probe = live.tryConsumeAndReturnRemaining(1);
      return live;
    }
  }
}
