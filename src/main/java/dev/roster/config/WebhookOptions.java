package dev.roster.config;

/** {@code apps.<name>.webhooks}; {@code clerkSigningSecret} is a {@code whsec_...} or null. */
public record WebhookOptions(String clerkSigningSecret) {
  public static final WebhookOptions DEFAULTS = new WebhookOptions(null);
}
