package dev.roster.sim.fault;

/**
 * What an injected {@link Fault} does to a simulated answer; {@link #wireName()} is its JSON
 * name.
 */
public enum FaultKind {
  /** Delays the answer by {@link Fault#millis()}; combines with any other fault. */
  LATENCY("latency"),
  /** Answers {@link Fault#status()} with the vendor's error body instead of the real answer. */
  STATUS("status"),
  /** Answers 429 with {@code Retry-After: }{@link Fault#retryAfterSeconds()}. */
  RATE_LIMIT("rateLimit"),
  /** Closes the connection without answering. */
  RESET("reset"),
  /** Answers 200 with the real body cut in half, so it is not valid JSON. */
  MALFORMED("malformed"),
  /** Never answers; the connection stays open until the client gives up. */
  HANG("hang"),
  /** Sends the real answer's head at once, then its body a byte per {@link Fault#millis()}. */
  DRIP("drip");

  private final String wireName;

  FaultKind(String wireName) {
    this.wireName = wireName;
  }

  /** The name used by the admin route ({@code {"kind": "rateLimit", ...}}). */
  public String wireName() {
    return wireName;
  }

  /** The kind with this wire name; throws {@link IllegalArgumentException} when there is none. */
  public static FaultKind fromWireName(String name) {
    for (FaultKind kind : values()) {
      if (kind.wireName.equals(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown fault kind: " + name);
  }
}
