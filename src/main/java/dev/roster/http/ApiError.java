package dev.roster.http;

/**
 * An error answered in the contract's envelope (SPEC §2.3): stack-less, its message is a safe
 * human sentence. {@code retryAfterSeconds} is sent as {@code Retry-After} when positive.
 */
public final class ApiError extends RuntimeException {
  private final int status;
  private final String code;
  private final long retryAfterSeconds;

  public ApiError(int status, String code, String message, long retryAfterSeconds) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public ApiError(int status, String code, String message) {
    this(status, code, message, 0);
  }

  public static ApiError validation(String message) {
    return new ApiError(400, "VALIDATION_ERROR", message);
  }

  public static ApiError notFound(String message) {
    return new ApiError(404, "NOT_FOUND", message);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
