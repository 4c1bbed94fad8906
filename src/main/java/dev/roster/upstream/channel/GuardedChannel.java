package dev.roster.upstream.channel;

import dev.roster.metrics.UpstreamMetrics;
import dev.roster.time.TimeSource;
import dev.roster.upstream.FailureKind;
import dev.roster.upstream.Lane;
import dev.roster.upstream.ResponseDecoder;
import dev.roster.upstream.UpstreamChannel;
import dev.roster.upstream.UpstreamFailure;
import dev.roster.upstream.UpstreamRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import java.time.Duration;
import java.util.function.Supplier;

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
  final UpstreamHold hold;
  final BreakerPolicy breaker;
  final LaneBudget budget;
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
      UpstreamHold hold,
      BreakerPolicy breaker,
      LaneBudget budget,
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
    return exchangeWhenAdmitted(() -> request, decoder, Lane.INTERACTIVE);
  }

  @Override
  public <T> Future<T> exchangeWhenAdmitted(
      Supplier<UpstreamRequest> request, ResponseDecoder<T> decoder, Lane lane) {
    ContextInternal context = (ContextInternal) vertx.getOrCreateContext();
    if (lane == Lane.INTERACTIVE) {
      budget.interactiveStarting();
    }
    return new Exchange<>(this, context, request, decoder, lane).start();
  }

  /**
   * Passes the fail-fast guards in order (429 hold, breaker, budget) for one attempt: {@code
   * null} when it may go out, holding a breaker permission; else the failure, holding nothing.
   * The hold and the breaker decide at once; the budget may answer later (a shared budget asks
   * Redis), and its answer may arrive on another thread: the caller moves back to its context.
   */
  Future<UpstreamFailure> admit(Lane lane) {
    if (lane == Lane.INTERACTIVE) {
      budget.interactiveArrived();
    }
    Duration held = hold.remaining();
    if (!held.isZero()) {
      return Future.succeededFuture(name.failure(
          FailureKind.RATE_LIMITED,
          "holding calls after an upstream 429",
          RetryAfterHeader.atLeastOneSecond(held)));
    }
    if (!breaker.tryAcquire()) {
      return Future.succeededFuture(
          name.failure(FailureKind.CIRCUIT_OPEN, "circuit open", breaker.timeLeftOpen()));
    }
    return budget.tryTake(lane)
        .otherwise(Duration.ofSeconds(1))
        .map(untilToken -> {
          if (untilToken == null) {
            return null;
          }
          breaker.release();
          return name.failure(FailureKind.BUDGET_EXHAUSTED, "request budget spent", untilToken);
        });
  }

  @Override
  public void close() {
    transport.close();
  }
}
