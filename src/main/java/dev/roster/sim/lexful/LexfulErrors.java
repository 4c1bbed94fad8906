package dev.roster.sim.lexful;

import dev.roster.sim.fault.SimResponse;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/** Lexful's error body: {@code {status, message, error_id, error_code, developer_message}}. */
final class LexfulErrors {
  private LexfulErrors() {}

  static SimResponse of(int status, String code, String message, String developerMessage) {
    return SimResponse.json(status, new JsonObject()
        .put("status", status)
        .put("message", message)
        .put("error_id", UUID.randomUUID().toString())
        .put("error_code", code)
        .put("developer_message", developerMessage));
  }

  static SimResponse badRequest(String developerMessage) {
    return of(400, "VALIDATION_ERROR", "The request is invalid.", developerMessage);
  }

  static SimResponse unauthorized(String developerMessage) {
    return of(401, "UNAUTHORIZED", "Authentication is required.", developerMessage);
  }

  static SimResponse forbidden(String developerMessage) {
    return of(403, "FORBIDDEN", "You do not have access to this account.", developerMessage);
  }

  static SimResponse notFound(String developerMessage) {
    return of(404, "NOT_FOUND", "The requested resource was not found.", developerMessage);
  }

  static SimResponse forStatus(int status) {
    if (status == 429) {
      return of(429, "RATE_LIMITED", "Too many requests.", "Retry after the Retry-After delay.");
    }
    if (status == 503) {
      return of(503, "SERVICE_UNAVAILABLE", "The service is temporarily unavailable.",
          "Retry later.");
    }
    return of(status, "INTERNAL_ERROR", "An unexpected error occurred.",
        "The error was logged with this error_id.");
  }

  /** A stack-less failure that becomes a 400 answer. */
  static final class BadParam extends RuntimeException {
    BadParam(String developerMessage) {
      super(developerMessage, null, false, false);
    }
  }
}
