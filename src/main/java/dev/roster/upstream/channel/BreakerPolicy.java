package dev.roster.upstream.channel;

import dev.roster.config.CircuitBreakerOptions;
import dev.roster.metrics.UpstreamMetrics;
import dev.roster.time.TimeSource;
import dev.roster.upstream.FailureKind;
import dev.roster.upstream.UpstreamFailure;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The circuit breaker of one upstream: opens after {@code failureThreshold} consecutive
 * failures (a count window of that size that must be 100% failures), stays open {@code
 * openFor}, then lets exactly one probe through; the probe's success closes it, its failure
 * re-opens it. Open → half-open is decided at the next call, not by a background scheduler.
 *
 * <p>Built on Resilience4j's {@link CircuitBreaker} rather than vertx-circuit-breaker because
 * Resilience4j separates asking for permission ({@link CircuitBreaker#tryAcquirePermission()},
 * non-blocking, no wrapped callable) from recording the outcome, which suits a Future chain
 * whose guards run in a fixed order; it takes its clock ({@code clock} and {@code
 * currentTimestampFunction}) from the configuration, so tests drive it with a {@code
 * ManualTimeSource} instead of sleeping; and it is widely used and actively maintained.
 * vertx-circuit-breaker reads wall time itself, owns the timeout and fallback that Roster's
 * channel handles elsewhere, and resets through timers.
 *
 * <p>Resilience4j opens a half-open window strictly after {@code openFor} has passed (its
 * comparison is {@code isAfter}), so a probe goes through at the first call once more than
 * {@code openFor} has elapsed since opening.
 *
 * <p>While the one probe is out, {@link #probeOutcome()} lets other calls wait for it instead of
 * failing: a caller that sends two requests at once (a member list's users and memberships)
 * must not get a 503 for the second just because the first one is the probe.
 */
final class BreakerPolicy {
  private static final System.Logger LOG = System.getLogger(BreakerPolicy.class.getName());

  private final CircuitBreaker breaker;
  private final TimeSource time;
  private final Duration openFor;
  private volatile long openedAt;
  private CompletableFuture<Void> probe; // guarded by this

  BreakerPolicy(String name, CircuitBreakerOptions options, TimeSource time) {
    this.time = time;
    this.openFor = options.openFor();
    int threshold = options.failureThreshold();
    CircuitBreakerConfig config = CircuitBreakerConfig.custom()
        .slidingWindowType(SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(threshold)
        .minimumNumberOfCalls(threshold)
        .failureRateThreshold(100)
        .waitDurationInOpenState(openFor)
        .permittedNumberOfCallsInHalfOpenState(1)
        .automaticTransitionFromOpenToHalfOpenEnabled(false)
        // Slow calls are the deadline's business, not the breaker's.
        .slowCallRateThreshold(100)
        .slowCallDurationThreshold(Duration.ofDays(1))
        .clock(new TimeSourceClock(time))
        .currentTimestampFunction(clock -> time.nanoTime(), TimeUnit.NANOSECONDS)
        .build();
    this.breaker = CircuitBreaker.of(name, config);
    this.breaker.getEventPublisher().onStateTransition(event -> {
      CircuitBreaker.State to = event.getStateTransition().getToState();
      if (to == CircuitBreaker.State.OPEN) {
        openedAt = time.nanoTime();
      }
      // Once per transition, never per request: what an operator needs to see in the log.
      LOG.log(
          to == CircuitBreaker.State.CLOSED ? System.Logger.Level.INFO : System.Logger.Level.WARNING,
          "circuit of " + name + " is now " + to.name().toLowerCase(java.util.Locale.ROOT));
    });
  }

  /** Whether a call may go out now; a granted permission must end in exactly one record. */
  synchronized boolean tryAcquire() {
    boolean granted = breaker.tryAcquirePermission();
    if (granted && probe == null && breaker.getState() == CircuitBreaker.State.HALF_OPEN) {
      probe = new CompletableFuture<>();
    }
    return granted;
  }

  /**
   * While a half-open probe is out, completes (never exceptionally) once its outcome is
   * recorded, so a refused call may ask again; null when no probe is out.
   */
  synchronized CompletableFuture<Void> probeOutcome() {
    return probe;
  }

  /** After an outcome is recorded: the breaker's new state is what waiters will ask. */
  private void probeEnded() {
    CompletableFuture<Void> ended;
    synchronized (this) {
      ended = probe;
      probe = null;
    }
    if (ended != null) {
      ended.complete(null);
    }
  }

  /** How long until a probe may go out, as a Retry-After (whole seconds, at least 1 s). */
  Duration timeLeftOpen() {
    long left = openFor.toNanos() - (time.nanoTime() - openedAt);
    return RetryAfterHeader.atLeastOneSecond(Duration.ofNanos(Math.max(0, left)));
  }

  /** Records a call that reached the upstream and succeeded (a 404 read as data included). */
  void recordSuccess(long nanos) {
    breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
    probeEnded();
  }

  /**
   * Records a failed call: a {@link FailureKind#breakerFailure()} kind counts against the
   * upstream; any other (a 429, a guard that failed later) just gives the permission back.
   */
  void recordFailure(UpstreamFailure failure, long nanos) {
    if (failure.kind().breakerFailure()) {
      breaker.onError(nanos, TimeUnit.NANOSECONDS, failure);
    } else {
      breaker.releasePermission();
    }
    probeEnded();
  }

  /** Gives back a permission whose call never reached the upstream. */
  void release() {
    breaker.releasePermission();
    probeEnded();
  }

  /** The state for the circuit gauge (an open circuit reads open until the next call). */
  int stateCode() {
    return switch (breaker.getState()) {
      case OPEN, FORCED_OPEN -> UpstreamMetrics.CIRCUIT_OPEN;
      case HALF_OPEN -> UpstreamMetrics.CIRCUIT_HALF_OPEN;
      default -> UpstreamMetrics.CIRCUIT_CLOSED;
    };
  }

  /** Resilience4j's view of Roster's monotonic time source. */
  private static final class TimeSourceClock extends Clock {
    private final TimeSource time;

    TimeSourceClock(TimeSource time) {
      this.time = time;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      // Monotonic, so the open interval cannot be stretched or cut by a wall-clock jump.
      return Instant.ofEpochSecond(0, time.nanoTime());
    }
  }
}
