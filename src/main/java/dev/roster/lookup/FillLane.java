package dev.roster.lookup;

import dev.roster.cache.RefreshDeferred;
import dev.roster.upstream.FailureKind;
import dev.roster.upstream.Lane;
import dev.roster.upstream.UpstreamFailure;
import io.vertx.core.Future;
import java.util.function.Function;

/**
 * Which budget lane a cache fill draws on: a miss a caller waits for is interactive, a refresh of
 * a stale entry is background. A background fill the budget had no token for is a {@link
 * RefreshDeferred} to the cache (the stale entry is served on), not an upstream failure.
 */
final class FillLane {
  private FillLane() {}

  static <V> Future<V> fill(boolean refresh, Function<Lane, Future<V>> fetch) {
    if (!refresh) {
      return fetch.apply(Lane.INTERACTIVE);
    }
    return fetch
        .apply(Lane.BACKGROUND)
        .recover(failure -> Future.failedFuture(
            failure instanceof UpstreamFailure f && f.kind() == FailureKind.BUDGET_EXHAUSTED
                ? RefreshDeferred.INSTANCE
                : failure));
  }
}
