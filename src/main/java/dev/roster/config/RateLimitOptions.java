package dev.roster.config;

/** A token bucket per (app, caller): refills {@code perCallerPerSecond}, holds {@code burst}. */
public record RateLimitOptions(int perCallerPerSecond, int burst) {
  public static final RateLimitOptions DEFAULTS = new RateLimitOptions(50, 100);
}
