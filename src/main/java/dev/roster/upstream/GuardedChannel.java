package dev.roster.upstream;

import dev.roster.metrics.UpstreamMetrics;
import dev.roster.time.TimeSource;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import java.time.Duration;

/**
 * The {@link UpstreamChannel} of one upstream of one app: holds the guards every exchange
 * passes and starts an {@link Exchange} per call. The guards are shared by all event loops and
 * thread-safe; each exchange stays on its caller's context.
 */
final class GuardedChannel implements UpstreamChannel {
  final ChannelName name;
  final Vertx vertx;
  final TimeSource time;
  final Duration timeout;
  final RateLimitHold hold;
  final BreakerPolicy breaker;
  final RequestBudget budget;
  final ConcurrencyLimit limit;
  final RetryPolicy retry;
  final HttpTransport transport;
  final UpstreamMetrics metrics;
  final SetupStatus credentials;

  GuardedChannel(
      ChannelName name,
      Vertx vertx,
      TimeSource time,
      Duration timeout,
      RateLimitHold hold,
      BreakerPolicy breaker,
      RequestBudget budget,
      ConcurrencyLimit limit,
      HttpTransport transport,
      UpstreamMetrics metrics,
      SetupStatus credentials) {
    this.name = name;
    this.vertx = vertx;
    this.time = time;
    this.timeout = timeout;
    this.hold = hold;
    this.breaker = breaker;
    this.budget = budget;
    this.limit = limit;
    this.retry = new RetryPolicy();
    this.transport = transport;
    this.metrics = metrics;
    this.credentials = credentials;
  }

  @Override
  public String setupProblem() {
    return credentials.problem();
  }

  @Override
  public <T> Future<T> exchange(UpstreamRequest request, ResponseDecoder<T> decoder) {
    ContextInternal context = (ContextInternal) vertx.getOrCreateContext();
    return new Exchange<>(this, context, request, decoder).start();
  }

  /**
   * Passes the fail-fast guards in order (429 hold, breaker, budget) for one attempt: {@code
   * null} when it may go out, holding a breaker permission; else the failure, holding nothing.
   */
  UpstreamFailure admit() {
    Duration held = hold.remaining();
    if (!held.isZero()) {
      return name.failure(
          FailureKind.RATE_LIMITED,
          "holding calls after an upstream 429",
          RetryAfterHeader.atLeastOneSecond(held));
    }
    if (!breaker.tryAcquire()) {
      return name.failure(FailureKind.CIRCUIT_OPEN, "circuit open", breaker.timeLeftOpen());
    }
    Duration untilToken = budget.tryTake();
    if (untilToken != null) {
      breaker.release();
      return name.failure(
          FailureKind.BUDGET_EXHAUSTED, "request budget spent", untilToken);
    }
    return null;
  }

  @Override
  public void close() {
    transport.close();
  }
}
