package dev.roster.upstream;

import dev.roster.time.TimeSource;
import dev.roster.time.TimeSourceMeter;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * The requests-per-second budget of one upstream: a Bucket4j token bucket of {@code
 * requestsPerSecond} tokens refilled greedily over each second, read on Roster's {@link
 * TimeSource} so tests move it by hand. Thread-safe (Bucket4j's local bucket is lock-free).
 */
final class RequestBudget {
  private final Bucket bucket;

  RequestBudget(int requestsPerSecond, TimeSource time) {
    this.bucket = Bucket.builder()
        .addLimit(limit -> limit
            .capacity(requestsPerSecond)
            .refillGreedy(requestsPerSecond, Duration.ofSeconds(1)))
        .withCustomTimePrecision(new TimeSourceMeter(time))
        .build();
  }

  /**
   * Takes one token; returns {@code null} when taken, else how long until the next token
   * (whole seconds, at least 1 s, as a Retry-After).
   */
  Duration tryTake() {
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return null;
    }
    return RetryAfterHeader.atLeastOneSecond(Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }

  /** Tokens left now, for the budget gauge. */
  long available() {
    return bucket.getAvailableTokens();
  }

}
