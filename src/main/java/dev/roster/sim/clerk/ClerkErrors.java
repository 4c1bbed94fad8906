package dev.roster.sim.clerk;

import dev.roster.sim.fault.SimResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/** Clerk's {@code ClerkErrors} body: {@code {"errors": [ClerkError], "clerk_trace_id"}}. */
final class ClerkErrors {
  private ClerkErrors() {}

  static SimResponse of(int status, String code, String message, String longMessage) {
    return of(status, code, message, longMessage, null);
  }

  static SimResponse of(
      int status, String code, String message, String longMessage, JsonObject meta) {
    JsonObject error = new JsonObject()
        .put("message", message)
        .put("long_message", longMessage)
        .put("code", code);
    if (meta != null) {
      error.put("meta", meta);
    }
    JsonObject body = new JsonObject()
        .put("errors", new JsonArray().add(error))
        .put("clerk_trace_id", UUID.randomUUID().toString().replace("-", ""));
    return SimResponse.json(status, body);
  }

  static SimResponse unauthenticated() {
    return of(401, "authentication_invalid", "Invalid authentication",
        "Unable to authenticate the request, you need to supply an active key");
  }

  static SimResponse notFound() {
    return of(404, "resource_not_found", "not found", "Resource not found");
  }

  static SimResponse invalidParam(String param, String longMessage) {
    return of(422, "form_param_value_invalid", "is invalid", longMessage,
        new JsonObject().put("param_name", param));
  }

  static SimResponse forStatus(int status) {
    if (status == 429) {
      return of(429, "too_many_requests", "Too many requests",
          "Too many requests, please try again later.");
    }
    return of(status, "internal_clerk_error", "Oops, an unexpected error occurred",
        "There was an internal error on our servers. We've been notified and are working on "
            + "fixing it.");
  }

  /** A stack-less failure that becomes a 422 answer. */
  static final class InvalidParam extends RuntimeException {
    final transient SimResponse response;

    InvalidParam(String param, String longMessage) {
      super(longMessage, null, false, false);
      this.response = invalidParam(param, longMessage);
    }
  }
}
