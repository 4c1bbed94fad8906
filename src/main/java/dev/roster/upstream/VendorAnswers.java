package dev.roster.upstream;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * How every vendor adapter reads an answer, named for its vendor in messages: by status (2xx is
 * parsed, a 404 in the vendor's own not-found body is an answer, anything else a failure), as
 * strict JSON (a field of the wrong type
 * is a MALFORMED answer, never a coercion). Messages name the status, call or field, never a
 * value or the body. The vendors' shapes stay in their own packages.
 */
public final class VendorAnswers {
  private final String vendor;
  private final Predicate<JsonObject> notFoundBody;

  /**
   * @param notFoundBody whether a 404's JSON body is the vendor's own "no such resource" answer;
   *     a 404 without it comes from something else at that address (a wrong base URL, a proxy)
   *     and is a failure, never "not found" or "no members"
   */
  public VendorAnswers(String vendor, Predicate<JsonObject> notFoundBody) {
    this.vendor = vendor;
    this.notFoundBody = notFoundBody;
  }

  /**
   * A decoder that parses a 2xx with {@code ok} and reads a 404 in the vendor's own not-found
   * body with {@code notFound}; any other 404 is a {@link FailureKind#REJECTED} failure.
   */
  public <T> ResponseDecoder<T> decoder(
      String call, Function<UpstreamResponse, T> ok, Supplier<T> notFound) {
    return response -> {
      int status = response.status();
      if (status >= 200 && status < 300) {
        return ok.apply(response);
      }
      if (status == 404) {
        if (isOwnNotFound(response)) {
          return notFound.get();
        }
        throw new UpstreamFailure(FailureKind.REJECTED, vendor + " answered 404 to " + call
            + " without its not-found body (is baseUrl the API's origin?)");
      }
      throw failure(status, call);
    };
  }

  /** Whether this 404 carries the vendor's own not-found body (never throws). */
  public boolean isOwnNotFound(UpstreamResponse response) {
    if (response.body() == null || response.body().length() == 0) {
      return false;
    }
    try {
      return Json.decodeValue(response.body()) instanceof JsonObject body
          && notFoundBody.test(body);
    } catch (DecodeException | ClassCastException e) {
      return false;
    }
  }

  /**
   * 429 is RATE_LIMITED, 5xx SERVER_ERROR, 401 and 403 CREDENTIALS_REFUSED, any other status
   * (3xx, 4xx) REJECTED.
   */
  public UpstreamFailure failure(int status, String call) {
    FailureKind kind =
        status == 429
            ? FailureKind.RATE_LIMITED
            : status >= 500
                ? FailureKind.SERVER_ERROR
                : status == 401 || status == 403
                    ? FailureKind.CREDENTIALS_REFUSED
                    : FailureKind.REJECTED;
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
