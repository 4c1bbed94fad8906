package dev.roster.upstream.clerk;

import dev.roster.model.User;
import dev.roster.time.TimerSource;
import dev.roster.upstream.FailureKind;
import dev.roster.upstream.Lane;
import dev.roster.upstream.UpstreamChannel;
import dev.roster.upstream.UpstreamFailure;
import java.time.Duration;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * Cross-key batching of single-user reads (the DataLoader idea at the edge): the reads of one
 * Clerk upstream that arrive together share one {@code GET
 * /v1/users?user_id=...} of at most {@value ClerkClient#MAX_IDS} ids (a full batch goes at once;
 * a batch of one goes as {@code GET /v1/users/{id}}). Each caller gets its own answer: an id the
 * answer does not hold is empty (a 404) for that id only; a failed call fails each of its ids.
 *
 * <p>With no call of this batcher in flight, a batch goes as soon as the event-loop turn that
 * opened it is done (the misses of every request read in that turn share it), so a lone miss
 * waits for nothing. While a call is in flight, a new batch gathers for {@link #BUSY_WINDOWS}
 * windows: under a storm the calls are fewer and fuller. This is Nagle's rule for small writes:
 * hold them back only while one is unanswered.
 *
 * <p>A batch stays open until its call is admitted by the channel's guards, so it keeps
 * gathering ids while it waits: when the request budget is short, an {@link Lane#INTERACTIVE}
 * batch asks again every {@code 1 s / requestsPerSecond} for up to {@link #MAX_TOKEN_WAIT}
 * (then its callers fail as the budget refused them), and the batches grow instead of being
 * refused one by one. A {@link Lane#BACKGROUND} batch (refreshes) is asked once and refused at
 * once when callers need the tokens; until then its ids also ride along in any interactive
 * batch that is sent with room to spare. Thread-safe.
 *
 * <p>Written by hand rather than with java-dataloader, which dispatches from an explicit call or
 * its own scheduled executor, outside the Vert.x contexts, the injected timers and the budget.
 */
final class ClerkUserBatcher {
  /** How long an interactive batch waits for a budget token before its callers are refused. */
  static final Duration MAX_TOKEN_WAIT = Duration.ofSeconds(1);
  /** How many windows a batch gathers while another call is in flight. */
  static final int BUSY_WINDOWS = 20;

  private final UpstreamChannel channel;
  private final ClerkUserReads reads;
  private final Duration window;
  private final Duration pollInterval;
  private final TimerSource timers;
  private UserBatch interactive;
  private UserBatch background;
  /** Calls sent and not yet answered (guarded by this). */
  private int inFlight;

  ClerkUserBatcher(
      UpstreamChannel channel,
      ClerkUserReads reads,
      Duration window,
      int requestsPerSecond,
      TimerSource timers) {
    this.channel = channel;
    this.reads = reads;
    this.window = window;
    long nanos = 1_000_000_000L / Math.max(1, requestsPerSecond);
    this.pollInterval = Duration.ofNanos(Math.min(Math.max(nanos, 1_000_000L), 100_000_000L));
    this.timers = timers;
  }

  /** The user, or empty when Clerk does not have it; fails as the call that carried it failed. */
  Future<Optional<User>> fetchUser(String id, Lane lane) {
    UserBatch sendNow = null;
    Future<Optional<User>> answer;
    synchronized (this) {
      UserBatch batch = lane == Lane.INTERACTIVE ? interactive : background;
      if (batch == null) {
        UserBatch opened = new UserBatch(lane);
        // Nothing in flight: the batch goes when this event-loop turn is done, so a lone miss
        // waits for no timer (an idle event loop's timers fire a millisecond late or more)
        // while the misses of the requests read together still share one call.
        opened.timer =
            inFlight > 0
                ? timers.schedule(window.multipliedBy(BUSY_WINDOWS), () -> windowClosed(opened))
                : timers.soon(() -> windowClosed(opened));
        batch = opened;
        setOpen(lane, opened);
      }
      answer = batch.add(id);
      if (batch.size() >= ClerkClient.MAX_IDS) {
        setOpen(lane, null);
        batch.timer.cancel();
        if (!batch.admitting) {
          batch.admitting = true;
          sendNow = batch;
        }
      }
    }
    if (sendNow != null) {
      admit(sendNow);
    }
    return answer;
  }

  private void windowClosed(UserBatch batch) {
    synchronized (this) {
      // A batch that filled up is on its way already.
      if (batch.admitting) {
        return;
      }
      batch.admitting = true;
    }
    admit(batch);
  }

  private void admit(UserBatch batch) {
    channel
        .exchangeWhenAdmitted(
            () -> reads.request(sealForCall(batch)), r -> reads.decode(batch.ids(), r), batch.lane)
        .onComplete(
            (users, failure) -> {
              callEnded(batch);
              if (failure == null) {
                batch.answer(users);
              } else if (!isSealed(batch) && mayWaitForToken(batch, failure)) {
                timers.schedule(pollInterval, () -> admit(batch));
              } else {
                seal(batch);
                batch.fail(failure);
              }
            });
  }

  private boolean mayWaitForToken(UserBatch batch, Throwable failure) {
    return batch.lane == Lane.INTERACTIVE
        && failure instanceof UpstreamFailure f
        && f.kind() == FailureKind.BUDGET_EXHAUSTED
        && pollInterval.multipliedBy(++batch.polls).compareTo(MAX_TOKEN_WAIT) < 0;
  }

  /** Seals the batch as its call is admitted: a call is in flight until {@link #callEnded}. */
  private synchronized List<String> sealForCall(UserBatch batch) {
    batch.called = true;
    inFlight++;
    return seal(batch);
  }

  private synchronized void callEnded(UserBatch batch) {
    if (batch.called) {
      batch.called = false;
      inFlight--;
    }
  }

  /** Closes the batch to new ids (an interactive one takes waiting refreshes along). */
  private synchronized List<String> seal(UserBatch batch) {
    if (!batch.sealed) {
      batch.sealed = true;
      if (interactive == batch) {
        interactive = null;
      }
      if (background == batch) {
        background = null;
      }
      if (batch.lane == Lane.INTERACTIVE && background != null && !background.admitting) {
        background.moveInto(batch, ClerkClient.MAX_IDS);
        if (background.size() == 0) {
          background.timer.cancel();
          background = null;
        }
      }
    }
    return batch.ids();
  }

  private synchronized boolean isSealed(UserBatch batch) {
    return batch.sealed;
  }

  private void setOpen(Lane lane, UserBatch batch) {
    if (lane == Lane.INTERACTIVE) {
      interactive = batch;
    } else {
      background = batch;
    }
  }
}
