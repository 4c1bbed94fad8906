package dev.roster.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which Roster a simulation drives, and as whom. Every setting is a system property
 * ({@code -Droster.baseUrl=...}) or else an environment variable ({@code ROSTER_BASE_URL}), so
 * the simulations run against any Roster:
 *
 * <ul>
 *   <li>{@code roster.baseUrl}: default {@code http://127.0.0.1:8080};
 *   <li>{@code roster.app}: default {@code acme};
 *   <li>{@code roster.token}: a bearer token of a member of an organisation of that app; or
 *   <li>{@code roster.welcome}: a file holding what Roster printed at start in demo mode; the
 *       token is then read from the first {@code curl} line of that app's block.
 * </ul>
 *
 * The user ids to read are {@code roster.userIds} (comma-separated) or, when unset, the members
 * of the caller's organisation, read once from the member list before the load starts.
 */
final class RosterTarget {
  private static final Pattern CURL =
      Pattern.compile("Bearer ([A-Za-z0-9._~+/=-]+)' '([^']+)'");
  private static final Pattern ID =
      Pattern.compile(
          "\"id\"\\s*:\\s*\"(user_[A-Za-z0-9]{1,64}"
              + "|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\"");

  final String baseUrl;
  final String app;
  final String token;

  private RosterTarget(String baseUrl, String app, String token) {
    this.baseUrl = baseUrl;
    this.app = app;
    this.token = token;
  }

  /** Reads the settings; fails fast, naming the missing one, when there is no token. */
  static RosterTarget fromSettings() {
    String baseUrl = setting("roster.baseUrl", "http://127.0.0.1:8080");
    String app = setting("roster.app", "acme");
    String token = setting("roster.token", null);
    if (token == null) {
      String welcome = setting("roster.welcome", null);
      if (welcome == null) {
        throw new IllegalStateException(
            "set -Droster.token=... or -Droster.welcome=<file with Roster's demo output>");
      }
      token = tokenFromWelcome(Path.of(welcome), app);
    }
    return new RosterTarget(baseUrl, app, token);
  }

  /** The path of the member list of this app. */
  String usersPath() {
    return "/" + app + "/v1/users";
  }

  /** The ids to read: {@code roster.userIds}, else the caller's organisation's members. */
  List<String> userIds() {
    String given = setting("roster.userIds", null);
    if (given != null) {
      return List.of(given.split(","));
    }
    String body = get(baseUrl + usersPath());
    Set<String> ids = new LinkedHashSet<>();
    Matcher m = ID.matcher(body);
    while (m.find()) {
      ids.add(m.group(1));
    }
    if (ids.isEmpty()) {
      throw new IllegalStateException("the member list named no user id");
    }
    return new ArrayList<>(ids);
  }

  /** One authenticated GET before the load, to learn ids; fails on anything but a 200. */
  private String get(String url) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + token)
            .build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("GET " + url + " answered " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException("GET " + url + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The member token of an app's block in Roster's demo output: its first curl line. */
  static String tokenFromWelcome(Path file, String app) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
    }
    boolean inBlock = false;
    for (String line : lines) {
      if (line.startsWith("# app '")) {
        inBlock = line.startsWith("# app '" + app + "'");
      } else if (inBlock) {
        Matcher m = CURL.matcher(line);
        if (m.find()) {
          return m.group(1);
        }
      }
    }
    throw new IllegalStateException("no curl line for app '" + app + "' in " + file);
  }

  static String setting(String property, String fallback) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      String env = property.replace('.', '_').replaceAll("([a-z])([A-Z])", "$1_$2");
      value = System.getenv(env.toUpperCase());
    }
    return value == null || value.isBlank() ? fallback : value;
  }

  static int intSetting(String property, int fallback) {
    return Integer.parseInt(setting(property, Integer.toString(fallback)));
  }
}
