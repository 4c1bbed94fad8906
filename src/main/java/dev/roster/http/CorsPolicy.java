package dev.roster.http;

import dev.roster.config.CorsOptions;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Which browser origins may call one app, and what a preflight may ask for (pure decisions, no
 * I/O). Origins match exactly on scheme, host and port as the browser sends them in {@code
 * Origin}, scheme and host case-insensitively; {@code *} allows any origin, answered with {@code
 * Access-Control-Allow-Origin: *} and never with credentials. An empty list allows nothing.
 *
 * <p>Only reads are exposed to browsers: {@code GET} and {@code HEAD}, with the request headers
 * a widget needs to send a bearer token.
 */
public final class CorsPolicy {
  /** The policy of an app without {@code cors}: no origin is allowed. */
  public static final CorsPolicy NONE = new CorsPolicy(List.of());

  /** The request headers a preflight may ask for, lower case. */
  static final Set<String> ALLOWED_HEADERS =
      Set.of("authorization", "content-type", "if-none-match", "x-request-id");

  private static final String ANY = "*";
  private static final Pattern ORIGIN = Pattern.compile("[a-z][a-z0-9+.-]*://[^/?#@\\s]+");

  private final Set<String> origins;
  private final boolean anyOrigin;

  /**
   * @param allowedOrigins origins such as {@code https://app.lance.example} or {@code
   *     http://localhost:3000}, or {@code *}
   * @throws IllegalArgumentException when an entry is not an origin (a path, a query, no scheme)
   */
  public CorsPolicy(List<String> allowedOrigins) {
    Set<String> normalised = new HashSet<>();
    boolean any = false;
    for (String entry : allowedOrigins) {
      String origin = entry.strip();
      if (origin.equals(ANY)) {
        any = true;
        continue;
      }
      if (origin.endsWith("/")) {
        origin = origin.substring(0, origin.length() - 1);
      }
      String key = normalise(origin);
      if (!ORIGIN.matcher(key).matches()) {
        throw new IllegalArgumentException(
            "cors.allowedOrigins: '" + entry + "' is not an origin (scheme://host[:port])");
      }
      normalised.add(key);
    }
    this.origins = Set.copyOf(normalised);
    this.anyOrigin = any;
  }

  /** The policy an app's options describe. */
  public static CorsPolicy of(CorsOptions options) {
    return options == null || options.allowedOrigins() == null
        ? NONE
        : new CorsPolicy(options.allowedOrigins());
  }

  /**
   * The {@code Access-Control-Allow-Origin} value for a request from {@code origin}: {@code *}
   * when any origin is allowed, the origin as sent when it is listed, else null (not allowed).
   */
  public String allowOrigin(String origin) {
    if (origin == null || origin.isEmpty()) {
      return null;
    }
    if (anyOrigin) {
      return ANY;
    }
    return origins.contains(normalise(origin)) ? origin : null;
  }

  /** Whether a preflight may ask for {@code method}: reads only. */
  public boolean allowsMethod(String method) {
    return "GET".equals(method) || "HEAD".equals(method);
  }

  /**
   * The {@code Access-Control-Allow-Headers} value for a preflight's {@code
   * Access-Control-Request-Headers}: those requested that are allowed, lower case, in the order
   * asked; null when none is (the browser then refuses any header it needed).
   */
  public String allowHeaders(String requested) {
    if (requested == null || requested.isBlank()) {
      return null;
    }
    StringJoiner allowed = new StringJoiner(", ");
    allowed.setEmptyValue("");
    for (String header : requested.split(",")) {
      String name = header.strip().toLowerCase(Locale.ROOT);
      if (ALLOWED_HEADERS.contains(name)) {
        allowed.add(name);
      }
    }
    String value = allowed.toString();
    return value.isEmpty() ? null : value;
  }

  private static String normalise(String origin) {
    // Scheme and host are case-insensitive and a port is digits, so the whole origin can fold.
    return origin.toLowerCase(Locale.ROOT);
  }
}
