package dev.roster.upstream;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How every vendor adapter reads an answer, named for its vendor in messages: by status (2xx is
 * parsed, 404 is an answer, anything else a failure), as strict JSON (a field of the wrong type
 * is a MALFORMED answer, never a coercion). Messages name the status, call or field, never a
 * value or the body. The vendors' shapes stay in their own packages.
 */
public final class VendorAnswers {
  private final String vendor;

  public VendorAnswers(String vendor) {
    this.vendor = vendor;
  }

  /** A decoder that parses a 2xx with {@code ok} and reads a 404 with {@code notFound}. */
  public <T> ResponseDecoder<T> decoder(
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

  /** 429 is RATE_LIMITED, 5xx SERVER_ERROR, any other status (3xx, 401, 403, 4xx) REJECTED. */
  public UpstreamFailure failure(int status, String call) {
    FailureKind kind =
        status == 429
            ? FailureKind.RATE_LIMITED
            : status >= 500 ? FailureKind.SERVER_ERROR : FailureKind.REJECTED;
    return new UpstreamFailure(kind, vendor + " answered " + status + " to " + call);
  }

  public UpstreamFailure malformed(String what) {
    return new UpstreamFailure(FailureKind.MALFORMED, vendor + " sent a malformed " + what);
  }

  /** The body as a JSON object. */
  public JsonObject object(UpstreamResponse response, String what) {
    if (parse(response, what) instanceof JsonObject object) {
      return object;
    }
    throw malformed(what + " (not a JSON object)");
  }

  /** The body as a JSON array. */
  public JsonArray array(UpstreamResponse response, String what) {
    if (parse(response, what) instanceof JsonArray array) {
      return array;
    }
    throw malformed(what + " (not a JSON array)");
  }

  /** A string that must be present and non-empty. */
  public String requiredString(JsonObject json, String key, String what) {
    String value = string(json, key, what);
    if (value == null || value.isEmpty()) {
      throw malformed(what + " without " + key);
    }
    return value;
  }

  /** A nullable string; absent reads as null. */
  public String string(JsonObject json, String key, String what) {
    Object value = json.getValue(key);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw malformed(what + " (" + key + " is not a string)");
  }

  private Object parse(UpstreamResponse response, String what) {
    if (response.body() == null || response.body().length() == 0) {
      throw malformed(what + " (empty body)");
    }
    try {
      return Json.decodeValue(response.body());
    } catch (DecodeException e) {
      throw malformed(what + " (not JSON)");
    }
  }
}
