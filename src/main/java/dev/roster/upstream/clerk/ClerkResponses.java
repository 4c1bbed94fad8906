package dev.roster.upstream.clerk;

import dev.roster.upstream.FailureKind;
import dev.roster.upstream.ResponseDecoder;
import dev.roster.upstream.UpstreamFailure;
import dev.roster.upstream.UpstreamResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads Clerk's answers by status: 2xx is parsed, 404 is an answer ("absent"), anything else is
 * a failure. Failure messages name the status and the call, never the body.
 */
final class ClerkResponses {
  private ClerkResponses() {}

  /**
   * A decoder that parses a 2xx with {@code ok} and reads a 404 with {@code notFound}; every
   * other status (3xx, 401, 403, other 4xx) is {@link FailureKind#REJECTED}.
   */
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

  static UpstreamFailure failure(int status, String call) {
    FailureKind kind =
        status == 429
            ? FailureKind.RATE_LIMITED
            : status >= 500 ? FailureKind.SERVER_ERROR : FailureKind.REJECTED;
    return new UpstreamFailure(kind, "Clerk answered " + status + " to " + call);
  }

  static JsonObject object(UpstreamResponse response, String what) {
    if (parse(response, what) instanceof JsonObject object) {
      return object;
    }
    throw ClerkWire.malformed(what + " (not a JSON object)");
  }

  static JsonArray array(UpstreamResponse response, String what) {
    if (parse(response, what) instanceof JsonArray array) {
      return array;
    }
    throw ClerkWire.malformed(what + " (not a JSON array)");
  }

  private static Object parse(UpstreamResponse response, String what) {
    if (response.body() == null || response.body().length() == 0) {
      throw ClerkWire.malformed(what + " (empty body)");
    }
    try {
      return Json.decodeValue(response.body());
    } catch (DecodeException e) {
      throw ClerkWire.malformed(what + " (not JSON)");
    }
  }
}
