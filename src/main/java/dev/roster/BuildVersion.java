package dev.roster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Roster's version: the Maven project version, written into {@code dev/roster/version.properties}
 * by resource filtering at build time, so it is the same from the jar and from the classes
 * directory the tests run.
 */
public final class BuildVersion {
  private static final String VERSION = read();

  private BuildVersion() {}

  /** For example {@code 0.1.0-SNAPSHOT}. */
  public static String version() {
    return VERSION;
  }

  private static String read() {
    try (InputStream in = BuildVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "unknown");
      // An unfiltered copy (an IDE build) would still say ${project.version}.
      return version.startsWith("${") ? "unknown" : version;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
