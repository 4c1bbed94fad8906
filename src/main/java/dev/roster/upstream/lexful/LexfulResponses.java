package dev.roster.upstream.lexful;

import dev.roster.upstream.FailureKind;
import dev.roster.upstream.ResponseDecoder;
import dev.roster.upstream.UpstreamFailure;
import dev.roster.upstream.UpstreamResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
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

  /** Parses 2xx with {@code ok}, reads 404 with {@code notFound}; other statuses fail. */
  static <T> ResponseDecoder<T> decoder(
      String call, Function<UpstreamResponse, T> ok, Supplier<T> notFound) {
    return response -> {
      int status = response.status();
      if (status >= 200 && status < 300) {
        return ok.apply(response);
      }
      if (status == 404) {
        return notFound.get();
      }
      throw failure(status, call);
    };
  }

  /** As {@link #decoder}, but a 401 is a normal outcome: the caller renews and retries. */
  static <T> ResponseDecoder<Attempt<T>> firstAttempt(
      String call, Function<UpstreamResponse, T> ok, Supplier<T> notFound) {
    ResponseDecoder<T> decoder = decoder(call, ok, notFound);
    return response ->
        response.status() == 401
            ? new Attempt<>(null, true)
            : new Attempt<>(decoder.decode(response), false);
  }

  static UpstreamFailure failure(int status, String call) {
    FailureKind kind =
        status == 429
            ? FailureKind.RATE_LIMITED
            : status >= 500 ? FailureKind.SERVER_ERROR : FailureKind.REJECTED;
    return new UpstreamFailure(kind, "Lexful answered " + status + " to " + call);
  }

  static JsonObject object(UpstreamResponse response, String what) {
    if (response.body() == null || response.body().length() == 0) {
      throw LexfulWire.malformed(what + " (empty body)");
    }
    Object parsed;
    try {
      parsed = Json.decodeValue(response.body());
    } catch (DecodeException e) {
      throw LexfulWire.malformed(what + " (not JSON)");
    }
    return LexfulWire.requiredObject(parsed, what);
  }
}
