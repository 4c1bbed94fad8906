package dev.roster.webhook;

/**
 * What the HTTP layer answers a webhook delivery with.
 *
 * @param status 204, 400 or 401
 * @param code the SPEC §2.3 error code ({@code UNAUTHORIZED}, {@code VALIDATION_ERROR}), or
 *     null on 204
 * @param message a human sentence safe to return (null on 204); never a signature, secret or
 *     payload value
 * @param reason a short stable tag for logs and the {@code outcome} metric tag, such as {@code
 *     processed}, {@code duplicate}, {@code ignored}, {@code signature_mismatch}
 */
public record WebhookOutcome(int status, String code, String message, String reason) {
  /** The event was acted on. */
  public static final WebhookOutcome PROCESSED = acknowledged("processed");

  /** The svix-id was already handled (or is being handled): acknowledged, not acted on twice. */
  public static final WebhookOutcome DUPLICATE = acknowledged("duplicate");

  /** A verified event of a type Roster does not act on. */
  public static final WebhookOutcome IGNORED = acknowledged("ignored");

  /** Whether the delivery is acknowledged (2xx), so Svix stops retrying it. */
  public boolean acknowledged() {
    return status == 204;
  }

  static WebhookOutcome acknowledged(String reason) {
    return new WebhookOutcome(204, null, null, reason);
  }

  static WebhookOutcome unauthorized(SignatureCheck check) {
    return new WebhookOutcome(401, "UNAUTHORIZED", check.message(), check.reason());
  }

  static WebhookOutcome invalid(String reason, String message) {
    return new WebhookOutcome(400, "VALIDATION_ERROR", message, reason);
  }
}
