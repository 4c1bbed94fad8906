package dev.roster.sim.fault;

import io.vertx.core.json.JsonObject;

/**
 * One fault to inject into a simulator's answers: what it does, to how many requests ({@code
 * count}, or {@link #UNTIL_CLEARED}), and to which paths ({@code pathPrefix}, empty for all).
 * Immutable; build with the static factories and refine with {@link #times(int)} and {@link
 * #onPath(String)}.
 *
 * <p>The admin route takes the same thing as JSON: {@code {"kind": "status", "status": 503,
 * "count": 3, "pathPrefix": "/v1/users"}}, {@code {"kind": "latency", "ms": 500}}, {@code {"kind":
 * "rateLimit", "retryAfterSeconds": 2}}, {@code {"kind": "drip", "ms": 100}}, {@code {"kind":
 * "reset"}}, {@code {"kind": "malformed"}}, {@code {"kind": "hang"}}.
 */
public record Fault(
    FaultKind kind, int status, long millis, int retryAfterSeconds, int count, String pathPrefix) {
  /** A {@code count} meaning "every matching request until the plan is cleared". */
  public static final int UNTIL_CLEARED = -1;

  /** Default drip interval: one byte per 100 ms. */
  public static final long DEFAULT_DRIP_MILLIS = 100;

  /** Validates the fields. */
  public Fault {
    if (kind == null) {
      throw new IllegalArgumentException("kind is required");
    }
    if (count == 0 || count < UNTIL_CLEARED) {
      throw new IllegalArgumentException("count must be positive, or absent for until cleared");
    }
    if (kind == FaultKind.STATUS && (status < 100 || status > 599)) {
      throw new IllegalArgumentException("status must be an HTTP status code");
    }
    if (millis < 0 || retryAfterSeconds < 0) {
      throw new IllegalArgumentException("ms and retryAfterSeconds must not be negative");
    }
    pathPrefix = pathPrefix == null ? "" : pathPrefix;
  }

  /** Adds {@code millis} of latency before the answer. */
  public static Fault latency(long millis) {
    return new Fault(FaultKind.LATENCY, 0, millis, 0, UNTIL_CLEARED, "");
  }

  /** Answers {@code status} with the vendor's error body. */
  public static Fault status(int status) {
    return new Fault(FaultKind.STATUS, status, 0, 0, UNTIL_CLEARED, "");
  }

  /** Answers 429 with {@code Retry-After: retryAfterSeconds}. */
  public static Fault rateLimit(int retryAfterSeconds) {
    return new Fault(FaultKind.RATE_LIMIT, 429, 0, retryAfterSeconds, UNTIL_CLEARED, "");
  }

  /** Closes the connection instead of answering. */
  public static Fault reset() {
    return new Fault(FaultKind.RESET, 0, 0, 0, UNTIL_CLEARED, "");
  }

  /** Answers 200 with a truncated JSON body. */
  public static Fault malformed() {
    return new Fault(FaultKind.MALFORMED, 200, 0, 0, UNTIL_CLEARED, "");
  }

  /** Never answers. */
  public static Fault hang() {
    return new Fault(FaultKind.HANG, 0, 0, 0, UNTIL_CLEARED, "");
  }

  /** Sends the body one byte every {@code millisPerByte}. */
  public static Fault drip(long millisPerByte) {
    return new Fault(FaultKind.DRIP, 0, Math.max(1, millisPerByte), 0, UNTIL_CLEARED, "");
  }

  /** The same fault, applied to the next {@code n} matching requests only. */
  public Fault times(int n) {
    return new Fault(kind, status, millis, retryAfterSeconds, n, pathPrefix);
  }

  /** The same fault, applied only to request paths that start with {@code prefix}. */
  public Fault onPath(String prefix) {
    return new Fault(kind, status, millis, retryAfterSeconds, count, prefix);
  }

  /** Whether this fault concerns a request to {@code path}. */
  public boolean matches(String path) {
    return path.startsWith(pathPrefix);
  }

  /** Reads the admin route's JSON form; throws {@link IllegalArgumentException} when invalid. */
  public static Fault fromJson(JsonObject json) {
    try {
      FaultKind kind = FaultKind.fromWireName(json.getString("kind"));
      long millis = json.getLong("ms", kind == FaultKind.DRIP ? DEFAULT_DRIP_MILLIS : 0L);
      int status = json.getInteger("status", defaultStatus(kind));
      int retryAfter =
          json.getInteger("retryAfterSeconds", kind == FaultKind.RATE_LIMIT ? 1 : 0);
      int count = json.getInteger("count", UNTIL_CLEARED);
      return new Fault(kind, status, millis, retryAfter, count, json.getString("pathPrefix", ""));
    } catch (ClassCastException e) {
      throw new IllegalArgumentException("a fault field has the wrong type");
    }
  }

  /** The JSON form read by {@link #fromJson(JsonObject)}. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("kind", kind.wireName())
        .put("status", status)
        .put("ms", millis)
        .put("retryAfterSeconds", retryAfterSeconds)
        .put("count", count)
        .put("pathPrefix", pathPrefix);
  }

  private static int defaultStatus(FaultKind kind) {
    return switch (kind) {
      case STATUS -> 503;
      case RATE_LIMIT -> 429;
      case MALFORMED -> 200;
      default -> 0;
    };
  }
}
