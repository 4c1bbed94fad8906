package dev.roster.webhook;

/**
 * The verdict of {@link SvixSignatureVerifier}: either {@link #VALID} or the reason a delivery
 * was refused. The reason tag and message are safe to log and to return: they never carry a
 * signature, the secret or the body.
 */
public enum SignatureCheck {
  VALID("valid", "The webhook signature is valid."),
  MISSING_ID("missing_id", "The svix-id header is missing."),
  MALFORMED_ID("malformed_id", "The svix-id header is malformed."),
  MISSING_TIMESTAMP("missing_timestamp", "The svix-timestamp header is missing."),
  MALFORMED_TIMESTAMP(
      "malformed_timestamp", "The svix-timestamp header is not a number of seconds."),
  TIMESTAMP_TOO_OLD(
      "timestamp_too_old", "The svix-timestamp is more than 5 minutes in the past."),
  TIMESTAMP_TOO_NEW(
      "timestamp_too_new", "The svix-timestamp is more than 5 minutes in the future."),
  MISSING_SIGNATURE("missing_signature", "The svix-signature header is missing."),
  NO_V1_SIGNATURE("no_v1_signature", "The svix-signature header holds no v1 signature."),
  SIGNATURE_MISMATCH("signature_mismatch", "No svix-signature matches the request.");

  private final String reason;
  private final String message;

  SignatureCheck(String reason, String message) {
    this.reason = reason;
    this.message = message;
  }

  /** Whether the delivery may be acted on. */
  public boolean valid() {
    return this == VALID;
  }

  /** A short, stable tag for logs and metrics, such as {@code timestamp_too_old}. */
  public String reason() {
    return reason;
  }

  /** A human sentence naming what was wrong, safe to return to the sender. */
  public String message() {
    return message;
  }
}
