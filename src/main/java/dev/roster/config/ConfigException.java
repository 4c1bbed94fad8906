package dev.roster.config;

/**
 * A configuration problem, with a one-line message that names the key and what is wrong, e.g.
 * {@code apps.lance.cache.ttl: "5x" is not a duration (use ms, s, m or h)}.
 */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message, null, false, false);
  }
}
