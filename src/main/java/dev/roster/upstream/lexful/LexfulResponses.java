package dev.roster.upstream.lexful;

import dev.roster.upstream.ResponseDecoder;
import dev.roster.upstream.UpstreamResponse;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads Lexful's answers by status: 2xx is parsed, 404 is an answer ("absent"), anything else is
 * a failure, except that a first 401 is handed back as {@link Attempt#unauthorized()} so the
 * client can renew its token and try once more. Messages never carry the body.
 */
final class LexfulResponses {
  private LexfulResponses() {}

  /** The outcome of a first try: a value, or a 401 worth one retry with a renewed token. */
  record Attempt<T>(T value, boolean unauthorized) {}

  /**
   * As {@link dev.roster.upstream.VendorAnswers#decoder}, but a 401 is a normal outcome: the
   * caller renews its token and retries.
   */
  static <T> ResponseDecoder<Attempt<T>> firstAttempt(
      String call, Function<UpstreamResponse, T> ok, Supplier<T> notFound) {
    ResponseDecoder<T> decoder = LexfulWire.JSON.decoder(call, ok, notFound);
    return response ->
        response.status() == 401
            ? new Attempt<>(null, true)
            : new Attempt<>(decoder.decode(response), false);
  }
}
