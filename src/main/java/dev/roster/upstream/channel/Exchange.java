package dev.roster.upstream.channel;

import dev.roster.metrics.UpstreamMetrics;
import dev.roster.upstream.FailureKind;
import dev.roster.upstream.Lane;
import dev.roster.upstream.ResponseDecoder;
import dev.roster.upstream.UpstreamFailure;
import dev.roster.upstream.UpstreamRequest;
import dev.roster.upstream.UpstreamResponse;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.internal.ContextInternal;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * One call through a {@link GuardedChannel}: guards, a slot, up to two attempts, one deadline.
 * Every step runs on the caller's context, so the state below needs no locks; it ends exactly
 * once, in {@link #finish}, which gives back whatever the exchange still holds. Each attempt
 * that reached the upstream is recorded in the breaker, the first of a retried pair included:
 * two failed attempts are two pieces of evidence that the upstream is failing.
 */
final class Exchange<T> {
  private final GuardedChannel channel;
  private final ContextInternal context;
  private final Supplier<UpstreamRequest> requestSource;
  private final ResponseDecoder<T> decoder;
  private final Lane lane;
  private final Promise<T> promise;
  /** Identity matters: the queue withdraws exactly this waiter. */
  private final Runnable onGranted = () -> onContext(this::onSlot);

  private Deadline deadline;
  private long deadlineTimer = -1;
  private long backoffTimer = -1;
  private long startedAt;
  private long attemptStartedAt;
  private int attempts;
  private boolean permitHeld;
  private boolean waitedForProbe;
  private boolean queued;
  private boolean slotHeld;
  private HttpAttempt inFlight;
  private boolean done;
  /** Built once the first attempt is admitted; the retry sends the same request. */
  private UpstreamRequest request;

  Exchange(
      GuardedChannel channel,
      ContextInternal context,
      Supplier<UpstreamRequest> requestSource,
      ResponseDecoder<T> decoder,
      Lane lane) {
    this.channel = channel;
    this.context = context;
    this.requestSource = requestSource;
    this.decoder = decoder;
    this.lane = lane;
    this.promise = context.promise();
  }

  Future<T> start() {
    onContext(this::begin);
    return promise.future();
  }

  private void begin() {
    channel.admit(lane).onComplete(ar -> onContext(() -> admitted(ar.result())));
  }

  private void admitted(UpstreamFailure refused) {
    if (refused != null && refused.kind() == FailureKind.CIRCUIT_OPEN && !waitedForProbe) {
      // A half-open circuit lets one probe through: wait for its outcome once, then ask again.
      waitedForProbe = true;
      var probe = channel.breaker.probeOutcome();
      if (probe != null) {
        probe.whenComplete((ignored, never) -> onContext(this::begin));
        return;
      }
    }
    if (refused != null) {
      finish(refused, null);
      return;
    }
    permitHeld = true;
    request = requestSource.get();
    startedAt = channel.time.nanoTime();
    deadline = Deadline.after(channel.timeout);
    deadlineTimer = context.setTimer(Math.max(1, channel.timeout.toMillis()), id -> onDeadline());
    queued = true;
    if (!channel.limit.acquire(onGranted)) {
      queued = false;
      releasePermit();
      finish(channel.name.failure(
          FailureKind.BUDGET_EXHAUSTED, "too many requests waiting", Duration.ofSeconds(1)), null);
    }
  }

  private void onSlot() {
    queued = false;
    if (done) {
      channel.limit.release();
      return;
    }
    slotHeld = true;
    send();
  }

  private void send() {
    attempts++;
    attemptStartedAt = channel.time.nanoTime();
    HttpAttempt attempt = channel.transport.send(request, context);
    inFlight = attempt;
    attempt.response().onComplete(ar -> onResponse(attempt, ar));
  }

  private void onResponse(HttpAttempt attempt, AsyncResult<UpstreamResponse> ar) {
    if (done || attempt != inFlight) {
      return;
    }
    inFlight = null;
    long took = channel.time.nanoTime() - attemptStartedAt;
    UpstreamFailure failure;
    T value = null;
    if (ar.failed()) {
      failure = asFailure(ar.cause());
    } else {
      failure = StatusPolicy.classify(ar.result(), channel.name, channel.time.epochMillis());
      if (failure == null) {
        try {
          value = decoder.decode(ar.result());
        } catch (UpstreamFailure decoded) {
          failure = decoded;
        } catch (Exception notData) {
          failure = channel.name.failure(FailureKind.MALFORMED, "response could not be decoded");
        }
      }
    }
    permitHeld = false;
    noteCredentials(failure, ar.succeeded() ? ar.result().status() : 0);
    if (failure == null) {
      channel.breaker.recordSuccess(took);
      finish(null, value);
      return;
    }
    channel.breaker.recordFailure(failure, took);
    if (failure.kind() == FailureKind.RATE_LIMITED && failure.retryAfter() != null) {
      channel.hold.holdFor(failure.retryAfter());
    }
    long backoff = channel.retry.backoffMillis();
    if (channel.retry.shouldRetry(request, failure, attempts, deadline, backoff)) {
      backoffTimer = context.setTimer(backoff, id -> retry());
      return;
    }
    finish(failure, null);
  }

  /**
   * A 401/403 marks the credentials refused, a REJECTED answer the setup; a read the upstream
   * answered as data (2xx, or its own 404) marks both accepted. A token request's success proves
   * nothing about the reads, and a 401 handed to the decoder as "renew and retry" is neither.
   */
  private void noteCredentials(UpstreamFailure failure, int status) {
    if (failure != null && failure.kind() == FailureKind.CREDENTIALS_REFUSED) {
      channel.credentials.refused(failure.getMessage());
    } else if (failure != null && failure.kind() == FailureKind.REJECTED) {
      channel.credentials.rejected(failure.getMessage());
    } else if (failure == null && request.method() == io.vertx.core.http.HttpMethod.GET
        && (status / 100 == 2 || status == 404)) {
      channel.credentials.accepted();
    }
  }

  private void retry() {
    backoffTimer = -1;
    if (done) {
      return;
    }
    channel.admit(lane).onComplete(ar -> onContext(() -> readmitted(ar.result())));
  }

  private void readmitted(UpstreamFailure refused) {
    if (done) {
      // The deadline passed while the budget answered: give back the breaker permission.
      if (refused == null) {
        channel.breaker.release();
      }
      return;
    }
    if (refused != null) {
      finish(refused, null);
      return;
    }
    permitHeld = true;
    send();
  }

  private void onDeadline() {
    deadlineTimer = -1;
    if (done) {
      return;
    }
    if (queued && channel.limit.cancel(onGranted)) {
      queued = false;
    }
    UpstreamFailure timeout = channel.name.failure(
        FailureKind.TIMEOUT, "no complete response within " + channel.timeout.toMillis() + " ms");
    HttpAttempt attempt = inFlight;
    if (attempt != null) {
      // Cleared first: aborting fails the attempt at once, and that is not its outcome.
      inFlight = null;
      permitHeld = false;
      channel.breaker.recordFailure(timeout, channel.time.nanoTime() - attemptStartedAt);
      attempt.abort();
    }
    finish(timeout, null);
  }

  private void finish(UpstreamFailure failure, T value) {
    done = true;
    if (deadlineTimer != -1) {
      context.owner().cancelTimer(deadlineTimer);
    }
    if (backoffTimer != -1) {
      context.owner().cancelTimer(backoffTimer);
    }
    // A call that waited in the queue and never reached the upstream says nothing about it.
    releasePermit();
    if (slotHeld) {
      slotHeld = false;
      channel.limit.release();
    }
    UpstreamMetrics metrics = channel.metrics;
    metrics.countOutcome(failure == null ? UpstreamMetrics.OUTCOME_OK : failure.kind().outcome());
    if (deadline != null) {
      metrics.recordLatency(channel.time.nanoTime() - startedAt);
    }
    if (failure == null) {
      promise.complete(value);
    } else {
      promise.fail(failure);
    }
  }

  private void releasePermit() {
    if (permitHeld) {
      permitHeld = false;
      channel.breaker.release();
    }
  }

  private UpstreamFailure asFailure(Throwable cause) {
    if (cause instanceof UpstreamFailure failure) {
      return failure;
    }
    return channel.name.failure(FailureKind.RESET, "request failed");
  }

  private void onContext(Runnable step) {
    if (context.isRunningOnContext()) {
      step.run();
    } else {
      context.runOnContext(v -> step.run());
    }
  }
}
