package dev.roster.upstream;

import java.time.Duration;

/**
 * A stack-less upstream failure. Its message is safe to log: it names the upstream and what
 * went wrong, never a body, header value or secret.
 */
public final class UpstreamFailure extends RuntimeException {
  private final FailureKind kind;
  private final Duration retryAfter;

  /**
   * @param retryAfter how long until the upstream is worth asking again, or null if unknown
   */
  public UpstreamFailure(FailureKind kind, String message, Duration retryAfter) {
    super(message, null, false, false);
    this.kind = kind;
    this.retryAfter = retryAfter;
  }

  public UpstreamFailure(FailureKind kind, String message) {
    this(kind, message, null);
  }

  public FailureKind kind() {
    return kind;
  }

  /** How long until the upstream is worth asking again, or null if unknown. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
