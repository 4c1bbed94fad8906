package dev.roster.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Reads and validates the YAML configuration: {@code ${NAME}} interpolation from the
 * environment on the file's text, then parsing, defaults and validation.
 */
public final class ConfigLoader {
  private ConfigLoader() {}

  /** Loads the file at {@code path}; throws {@link ConfigException} on any problem. */
  public static RosterOptions load(Path path, Map<String, String> env) {
    throw new ConfigException("not implemented yet");
  }

  /** Parses YAML text already read; throws {@link ConfigException} on any problem. */
  public static RosterOptions parse(String yaml, Map<String, String> env) {
    throw new ConfigException("not implemented yet");
  }
}
