package dev.roster.upstream.channel;

import dev.roster.upstream.FailureKind;
import dev.roster.upstream.UpstreamFailure;
import dev.roster.upstream.UpstreamRequest;
import io.vertx.core.http.HttpMethod;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Decides the one retry of an exchange: only a GET, only after a {@link FailureKind#retryable()}
 * failure (no connection, or 502/503/504), only once, and only when the deadline leaves room
 * for the jittered backoff and a real attempt after it.
 */
final class RetryPolicy {
  static final long MIN_BACKOFF_MILLIS = 50;
  static final long MAX_BACKOFF_MILLIS = 150;
  /** Less time than this left for the retry itself is not worth a request. */
  static final long MIN_ATTEMPT_MILLIS = 100;

  /** The backoff before the retry, drawn anew each time so callers do not retry in step. */
  long backoffMillis() {
    return ThreadLocalRandom.current().nextLong(MIN_BACKOFF_MILLIS, MAX_BACKOFF_MILLIS + 1);
  }

  /** Whether the exchange retries after {@code failure} with {@code backoffMillis} of wait. */
  boolean shouldRetry(
      UpstreamRequest request, UpstreamFailure failure, int attempts, Deadline deadline,
      long backoffMillis) {
    return attempts == 1
        && request.method() == HttpMethod.GET
        && failure.kind().retryable()
        && deadline.remainingMillis() >= backoffMillis + MIN_ATTEMPT_MILLIS;
  }
}
