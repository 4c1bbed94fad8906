package dev.roster.upstream;

import io.vertx.core.Future;
import java.util.function.Supplier;

/**
 * The guarded way to one upstream of one app. Every exchange goes through, in order: the 429
 * hold (fails fast with {@link FailureKind#RATE_LIMITED} while an upstream Retry-After runs),
 * the circuit breaker ({@link FailureKind#CIRCUIT_OPEN}), the request budget ({@link
 * FailureKind#BUDGET_EXHAUSTED}), the bounded concurrency, and a whole-response deadline that
 * also covers the one jittered retry of a {@link FailureKind#retryable()} failure. Redirects are
 * never followed. A 429 becomes {@link FailureKind#RATE_LIMITED}; a 5xx a failure; any other
 * status is handed to the decoder, whose outcome decides success or failure.
 */
public interface UpstreamChannel {
  /** Sends the request under the guards and decodes the response; fails with UpstreamFailure. */
  <T> Future<T> exchange(UpstreamRequest request, ResponseDecoder<T> decoder);

  /** As {@link #exchange(UpstreamRequest, ResponseDecoder)}, drawing on the budget's {@code lane}. */
  default <T> Future<T> exchange(UpstreamRequest request, ResponseDecoder<T> decoder, Lane lane) {
    return exchangeWhenAdmitted(() -> request, decoder, lane);
  }

  /**
   * As {@link #exchange(UpstreamRequest, ResponseDecoder, Lane)}, but the request is built only
   * once the exchange has passed the fail-fast guards (and holds its budget token), so a caller
   * can keep gathering what goes into it until then (a batch of ids). When the guards refuse,
   * {@code request} is never called. A channel without guards builds it at once.
   */
  default <T> Future<T> exchangeWhenAdmitted(
      Supplier<UpstreamRequest> request, ResponseDecoder<T> decoder, Lane lane) {
    return exchange(request.get(), decoder);
  }

  /** Releases the underlying HTTP client. */
  void close();

  /**
   * Null while the upstream accepts this channel's credentials and base URL, else a one-line
   * reason safe to show (names the app, upstream and setting, never a value). Unguarded
   * channels never know.
   */
  default String setupProblem() {
    return null;
  }
}
