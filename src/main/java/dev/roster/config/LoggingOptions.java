package dev.roster.config;

/**
 * {@code logging}: the level of the JSON lines on standard error ({@code error}, {@code warn},
 * {@code info}, {@code debug}, {@code trace}). The environment variable {@code ROSTER_LOG_LEVEL}
 * wins over the file, so a level can be raised without editing the ConfigMap.
 */
public record LoggingOptions(String level) {
  public static final String DEFAULT_LEVEL = "info";
  public static final LoggingOptions DEFAULTS = new LoggingOptions(DEFAULT_LEVEL);
}
