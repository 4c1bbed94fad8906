package dev.roster.upstream.channel;

import dev.roster.time.TimeSource;
import dev.roster.time.TimeSourceMeter;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.Future;
import java.time.Duration;

/**
 * The requests-per-second budget of one upstream: a Bucket4j token bucket of {@code
 * requestsPerSecond} tokens refilled greedily over each second, read on Roster's {@link
 * TimeSource} so tests move it by hand. Thread-safe (Bucket4j's local bucket is lock-free).
 * Decides at once: its {@link #tryTake()} future is already complete.
 */
public final class RequestBudget implements UpstreamBudget {
  private final Bucket bucket;

  /** A full bucket of {@code requestsPerSecond} tokens (at least 1, as the config requires). */
  public RequestBudget(int requestsPerSecond, TimeSource time) {
    this.bucket = Bucket.builder()
        .addLimit(limit -> limit
            .capacity(requestsPerSecond)
            .refillGreedy(requestsPerSecond, Duration.ofSeconds(1)))
        .withCustomTimePrecision(new TimeSourceMeter(time))
        .build();
  }

  @Override
  public Future<Duration> tryTake() {
    return Future.succeededFuture(tryTakeNow());
  }

  /**
   * Takes one token; returns {@code null} when taken, else how long until the next token
   * (whole seconds, at least 1 s, as a Retry-After).
   */
  public Duration tryTakeNow() {
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return null;
    }
    return RetryAfterHeader.atLeastOneSecond(Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }

  @Override
  public long available() {
    return bucket.getAvailableTokens();
  }

}
