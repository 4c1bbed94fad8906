package dev.roster.config;

import java.time.Duration;

/** {@code apps.<name>.cache} (SPEC §4). */
public record CacheOptions(
    Duration ttl,
    Duration staleWhileRevalidate,
    Duration staleIfError,
    Duration notFoundTtl,
    long maxBytes) {
  public static final CacheOptions DEFAULTS =
      new CacheOptions(
          Duration.ofSeconds(60),
          Duration.ofMinutes(5),
          Duration.ofHours(24),
          Duration.ofSeconds(10),
          256L * 1024 * 1024);
}
