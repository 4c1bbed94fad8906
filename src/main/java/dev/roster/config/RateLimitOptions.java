package dev.roster.config;

/**
 * A token bucket per (app, caller): refills {@code perCallerPerSecond}, holds {@code burst}.
 * Without a {@code rateLimit} block an app has no per-caller limit ({@link #UNLIMITED}), as in
 * Kong, Envoy and NGINX, where rate limiting is opted into; within a block, unset keys take
 * {@link #DEFAULTS}.
 */
public record RateLimitOptions(int perCallerPerSecond, int burst) {
  public static final RateLimitOptions DEFAULTS = new RateLimitOptions(50, 100);
  public static final RateLimitOptions UNLIMITED = new RateLimitOptions(0, 0);

  /** Whether callers are limited at all. */
  public boolean enabled() {
    return perCallerPerSecond > 0;
  }
}
