package dev.roster.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two unit-bearing value formats of the file: durations ({@code 1500ms}, {@code 10s},
 * {@code 5m}, {@code 1h}) and sizes ({@code 512KB}, {@code 256MB}, 1024-based). Both are a
 * non-negative integer immediately followed by a unit; a bare number is refused so that a
 * forgotten unit never silently means milliseconds or bytes.
 */
final class Quantities {
  private static final Pattern DURATION = Pattern.compile("([0-9]{1,12})(ms|s|m|h)");
  private static final Pattern SIZE = Pattern.compile("([0-9]{1,12})(B|KB|MB|GB)");

  private Quantities() {}

  /** The duration {@code text} denotes, or null when it is not one. */
  static Duration parseDuration(String text) {
    Matcher m = DURATION.matcher(text.strip());
    if (!m.matches()) {
      return null;
    }
    long amount = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofHours(amount);
    };
  }

  /** The number of bytes {@code text} denotes, or null when it is not a size. */
  static Long parseSize(String text) {
    Matcher m = SIZE.matcher(text.strip());
    if (!m.matches()) {
      return null;
    }
    long amount = Long.parseLong(m.group(1));
    long unit =
        switch (m.group(2)) {
          case "B" -> 1L;
          case "KB" -> 1024L;
          case "MB" -> 1024L * 1024;
          default -> 1024L * 1024 * 1024;
        };
    try {
      return Math.multiplyExact(amount, unit);
    } catch (ArithmeticException e) {
      return null;
    }
  }
}
