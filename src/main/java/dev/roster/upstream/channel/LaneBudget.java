package dev.roster.upstream.channel;

import dev.roster.metrics.BudgetLaneMetrics;
import dev.roster.time.TimeSource;
import dev.roster.upstream.Lane;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Priority lanes over whichever {@link UpstreamBudget} a channel draws from (the local bucket
 * or the cluster's shared one): an {@link Lane#INTERACTIVE} attempt takes any token the budget
 * has, so a caller's miss is never refused while the budget has room; a {@link
 * Lane#BACKGROUND} attempt (a refresh of a stale entry) is refused without asking the budget
 * while it holds no more than {@code reserve} tokens plus one per interactive exchange on its way
 * to the budget, or while interactive attempts were refused within the last {@link
 * #SHORTAGE_MEMORY}. Background work therefore spends only tokens
 * the callers can spare, and a refused refresh leaves the stale entry served a while longer.
 * Thread-safe.
 */
final class LaneBudget {
  /** How long a refused interactive attempt keeps background work off the budget. */
  static final Duration SHORTAGE_MEMORY = Duration.ofSeconds(1);

  private final UpstreamBudget budget;
  private final long reserve;
  private final TimeSource time;
  private final BudgetLaneMetrics metrics;
  /** Until when (monotonic) callers are known to be short of tokens. */
  private final AtomicLong shortUntil;
  /** Interactive exchanges started and not yet at the budget (they may be on another loop). */
  private final AtomicInteger interactiveOnTheWay = new AtomicInteger();

  /** {@code reserve}: tokens background work leaves in the budget for callers (at least 1). */
  LaneBudget(UpstreamBudget budget, long reserve, TimeSource time, BudgetLaneMetrics metrics) {
    this.budget = budget;
    this.reserve = Math.max(1, reserve);
    this.time = time;
    this.metrics = metrics;
    this.shortUntil = new AtomicLong(time.nanoTime());
  }

  /** The reserve for a budget of {@code requestsPerSecond}: a tenth of it, at least one token. */
  static long reserveFor(int requestsPerSecond) {
    return Math.max(1, requestsPerSecond / 10);
  }

  /** An interactive exchange has started: it is on its way to the guards. */
  void interactiveStarting() {
    interactiveOnTheWay.incrementAndGet();
  }

  /** An interactive attempt has reached the guards (whatever they decide). */
  void interactiveArrived() {
    // Saturating: a retry's attempt has no start of its own to match.
    interactiveOnTheWay.updateAndGet(n -> Math.max(0, n - 1));
  }

  /** As {@link UpstreamBudget#tryTake()}, in {@code lane}. */
  Future<Duration> tryTake(Lane lane) {
    boolean background = lane == Lane.BACKGROUND;
    if (background && !spare()) {
      metrics.count(true, false);
      return Future.succeededFuture(SHORTAGE_MEMORY);
    }
    return budget.tryTake().map(untilToken -> {
      boolean taken = untilToken == null;
      metrics.count(background, taken);
      if (!taken && !background) {
        shortUntil.accumulateAndGet(time.nanoTime() + SHORTAGE_MEMORY.toNanos(), Math::max);
      }
      return untilToken;
    });
  }

  /** Tokens left as the budget last knew them. */
  long available() {
    return budget.available();
  }

  private boolean spare() {
    return time.nanoTime() - shortUntil.get() >= 0
        && budget.available() > reserve + interactiveOnTheWay.get();
  }
}
