package dev.roster.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One mapping of the file with its key path, read key by key as the type each key needs. Every
 * problem becomes a {@link ConfigException} whose one-line message starts with the full key path
 * ({@code apps.lance.cache.ttl: ...}). Values of secret keys are never quoted in a message.
 */
final class Section {
  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,10}");
  private static final int MAX_QUOTED = 60;

  private final String path;
  private final Map<String, Object> values;
  private final boolean present;

  private Section(String path, Map<String, Object> values, boolean present) {
    this.path = path;
    this.values = values;
    this.present = present;
  }

  /** The top level of the file ({@code values} may be null for an empty file). */
  static Section root(Map<String, Object> values) {
    return new Section("", values == null ? Map.of() : values, values != null);
  }

  /** Whether the mapping was written in the file (an absent one reads as empty). */
  boolean present() {
    return present;
  }

  /** The full path of {@code key} in this section. */
  String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** Fails on the first key that is not one of {@code allowed}, suggesting a near miss. */
  Section allowOnly(String... allowed) {
    for (String key : values.keySet()) {
      if (!Arrays.asList(allowed).contains(key)) {
        String hint = KeySuggestion.closest(key, allowed);
        throw fail(key, "unknown key" + (hint == null ? "" : " (did you mean " + hint + "?)"));
      }
    }
    return this;
  }

  /** The keys written in this mapping, in file order. */
  List<String> keys() {
    return List.copyOf(values.keySet());
  }

  boolean has(String key) {
    return values.get(key) != null;
  }

  /** The mapping under {@code key}; an absent or null one reads as an empty section. */
  Section section(String key) {
    Object value = values.get(key);
    if (value == null) {
      return new Section(pathOf(key), Map.of(), false);
    }
    if (!(value instanceof Map)) {
      throw fail(key, "expected a mapping of keys");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) value;
    return new Section(pathOf(key), map, true);
  }

  /** A non-empty text value, or {@code fallback} when the key is absent. */
  String string(String key, String fallback) {
    String value = scalar(key);
    if (value == null) {
      return fallback;
    }
    if (value.isBlank()) {
      throw fail(key, "must not be empty");
    }
    return value;
  }

  String required(String key) {
    String value = string(key, null);
    if (value == null) {
      throw fail(key, "required");
    }
    return value;
  }

  int integer(String key, int fallback, int min, int max) {
    String text = scalar(key);
    if (text == null) {
      return fallback;
    }
    if (!INTEGER.matcher(text.strip()).matches()) {
      throw fail(key, quote(text) + " is not an integer");
    }
    long value = Long.parseLong(text.strip());
    if (value < min || value > max) {
      throw fail(key, "must be between " + min + " and " + max + " (got " + value + ")");
    }
    return (int) value;
  }

  /** A duration; {@code positive} refuses zero (negative ones never parse). */
  Duration duration(String key, Duration fallback, boolean positive) {
    String text = scalar(key);
    if (text == null) {
      return fallback;
    }
    Duration value = Quantities.parseDuration(text);
    if (value == null) {
      throw fail(key, quote(text) + " is not a duration (use ms, s, m or h)");
    }
    if (positive && value.isZero()) {
      throw fail(key, "must be greater than 0");
    }
    return value;
  }

  /** A size in bytes, at least {@code min}. */
  long size(String key, long fallback, long min, String minText) {
    String text = scalar(key);
    if (text == null) {
      return fallback;
    }
    Long value = Quantities.parseSize(text);
    if (value == null) {
      throw fail(key, quote(text) + " is not a size (use B, KB, MB or GB)");
    }
    if (value < min) {
      throw fail(key, "must be at least " + minText);
    }
    return value;
  }

  /** A list of non-empty strings ({@code fallback} when absent). */
  List<String> strings(String key, List<String> fallback) {
    Object value = values.get(key);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof List<?> list)) {
      throw fail(key, "expected a list, e.g. [a, b]");
    }
    List<String> out = new ArrayList<>();
    for (Object item : list) {
      String where = key + "[" + out.size() + "]";
      if (!(item instanceof String text)) {
        throw fail(where, item == null ? "must not be empty" : "expected a single value");
      }
      if (text.isBlank()) {
        throw fail(where, "must not be empty");
      }
      out.add(text);
    }
    return List.copyOf(out);
  }

  /** An absolute {@code http} or {@code https} URL with a host and no query or fragment. */
  String url(String key, String fallback) {
    return url(key, fallback, false);
  }

  /**
   * As {@link #url(String, String)}; {@code queryAllowed} for a URL used as given (a JWKS
   * endpoint such as Okta's takes a query), not one Roster appends paths to.
   */
  String url(String key, String fallback, boolean queryAllowed) {
    String text = string(key, fallback);
    if (text == null) {
      return null;
    }
    // A URL may carry credentials ("https://user:pass@host"); such text is never quoted.
    String shown = text.contains("@") ? "the value" : quote(text);
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException e) {
      throw fail(key, shown + " is not a URL");
    }
    if (uri.getRawUserInfo() != null) {
      throw fail(key, "must not contain credentials (user info)");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw fail(key, shown + " is not an absolute http or https URL with a host");
    }
    if (uri.getRawFragment() != null || (!queryAllowed && uri.getRawQuery() != null)) {
      throw fail(key, shown + (queryAllowed ? " must not have a fragment" : " must not have a query or fragment"));
    }
    return text.strip();
  }

  /** A failure about {@code key} of this section (or about the section itself when null). */
  ConfigException fail(String key, String problem) {
    String where = key == null ? path : pathOf(key);
    return new ConfigException((where.isEmpty() ? "(top level)" : where) + ": " + problem);
  }

  /** A value for a message: quoted, escaped and shortened. Never use it on a secret. */
  static String quote(String value) {
    String shown = value.length() > MAX_QUOTED ? value.substring(0, MAX_QUOTED) + "..." : value;
    return '"' + shown.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
  }

  private String scalar(String key) {
    Object value = values.get(key);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    String kind = value instanceof Map ? "a mapping" : "a list";
    throw fail(key, "expected a single value, not " + kind);
  }
}
