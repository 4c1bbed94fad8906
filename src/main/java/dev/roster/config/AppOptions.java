package dev.roster.config;

/**
 * One app under {@code apps.<name>}. At least one of {@code clerk} and {@code lexful} is set;
 * the other is null. {@code webhooks.clerkSigningSecret} may be null (the webhook route then
 * answers 404).
 */
public record AppOptions(
    String name,
    Visibility visibility,
    AuthOptions auth,
    UpstreamOptions clerk,
    UpstreamOptions lexful,
    CacheOptions cache,
    RateLimitOptions rateLimit,
    CorsOptions cors,
    WebhookOptions webhooks) {}
