package dev.roster.upstream.channel;

import io.vertx.core.Future;
import java.time.Duration;

/**
 * The seam between a guarded channel and the requests-per-second budget it draws from. Every
 * attempt that is about to go out (first attempts, retries, pages) takes one token here, after
 * the 429 hold and the breaker and before the concurrency slot.
 *
 * <p>Implementations: {@link RequestBudget} (a local Bucket4j bucket, what a single node uses)
 * and the cluster's shared budget (one Bucket4j bucket per upstream credential in Redis, with a
 * local fallback). A decorator may sit in between (priority lanes, for example) as long as it
 * keeps this contract:
 *
 * <ul>
 *   <li>{@link #tryTake()} never blocks the calling thread and never waits for a token: it
 *       decides now (or after one bounded round trip to a shared store) whether the token is
 *       taken;
 *   <li>its future completes with {@code null} when a token was taken, else with how long
 *       until one may be (used as the {@code Retry-After}, at least one second);
 *   <li>its future never fails: a budget that cannot reach its store decides locally;
 *   <li>it may complete on another thread; the channel brings the result back to its caller's
 *       context;
 *   <li>it is thread-safe: one budget may serve every event loop and several channels (apps
 *       that share an upstream credential).
 * </ul>
 */
public interface UpstreamBudget {
  /** Takes one token, or says how long until one may be; see the type's contract. */
  Future<Duration> tryTake();

  /** Tokens left as last known, for the {@code roster_upstream_budget_available} gauge. */
  long available();
}
