package dev.roster.upstream;

/**
 * Why an upstream exchange failed, with what each kind means for the circuit breaker, for a
 * retry, and for the {@code outcome} metric tag. None of these reaches a caller as such: the
 * lookup serves stale data or a 503 {@code UPSTREAM_UNAVAILABLE}.
 */
public enum FailureKind {
  /** The whole-response deadline passed (however slowly the body was arriving). */
  TIMEOUT(true, false, "timeout"),
  /** The connection could not be made. */
  CONNECT(true, true, "connect_error"),
  /** The connection was reset or closed before the response was complete. */
  RESET(true, false, "reset"),
  /** 502, 503 or 504: worth one retry. */
  BAD_GATEWAY(true, true, "bad_gateway"),
  /** Any other 5xx. */
  SERVER_ERROR(true, false, "server_error"),
  /** 429: every call to this upstream is held until its Retry-After has passed. */
  RATE_LIMITED(false, false, "rate_limited"),
  /** A body that is not the JSON the vendor documents (truncated, not JSON, wrong shape). */
  MALFORMED(true, false, "malformed"),
  /**
   * A 4xx other than 401/403/429, a redirect, or a 404 without the vendor's not-found body (a
   * wrong base URL): a configuration problem.
   */
  REJECTED(true, false, "rejected"),
  /** 401 or 403: the upstream refused Roster's credentials (secret key, token or API key). */
  CREDENTIALS_REFUSED(true, false, "credentials_refused"),
  /** The circuit is open: failed fast without a request. */
  CIRCUIT_OPEN(false, false, "circuit_open"),
  /** The request budget (requests per second) is spent: failed fast without a request. */
  BUDGET_EXHAUSTED(false, false, "budget_exhausted");

  private final boolean breakerFailure;
  private final boolean retryable;
  private final String outcome;

  FailureKind(boolean breakerFailure, boolean retryable, String outcome) {
    this.breakerFailure = breakerFailure;
    this.retryable = retryable;
    this.outcome = outcome;
  }

  /** Whether this counts as a failure for the circuit breaker. */
  public boolean breakerFailure() {
    return breakerFailure;
  }

  /** Whether a read that failed this way is retried once, inside the deadline. */
  public boolean retryable() {
    return retryable;
  }

  /** The low-cardinality {@code outcome} tag of the upstream request metrics. */
  public String outcome() {
    return outcome;
  }
}
