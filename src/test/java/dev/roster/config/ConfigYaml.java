package dev.roster.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

/** Small YAML documents for the config tests, built around one valid app named {@code lance}. */
final class ConfigYaml {
  static final String AUTH =
      "auth: { jwksUrl: https://clerk.lance.example/.well-known/jwks.json }";
  static final String CLERK = "upstreams: { clerk: { secretKey: sk_test_lance } }";
  static final String LEXFUL_ACCOUNT = "3c90c3cc-0d44-4b50-8888-8dd25736052a";

  private ConfigYaml() {}

  /** A file with one app {@code lance} whose body is these lines (indented for you). */
  static String app(String... lines) {
    StringBuilder sb = new StringBuilder("apps:\n  lance:\n");
    for (String line : lines) {
      for (String part : line.split("\n", -1)) {
        sb.append("    ").append(part).append('\n');
      }
    }
    return sb.toString();
  }

  /** A valid app with Clerk and a JWKS, plus {@code extra} lines. */
  static String clerkApp(String... extra) {
    String[] lines = new String[extra.length + 2];
    lines[0] = AUTH;
    lines[1] = CLERK;
    System.arraycopy(extra, 0, lines, 2, extra.length);
    return app(lines);
  }

  /** The valid Clerk app under {@code apps:} after these top-level lines. */
  static String withTopLevel(String topLevel) {
    return topLevel + "\n" + clerkApp();
  }

  static RosterOptions parse(String yaml) {
    return ConfigLoader.parse(yaml, Map.of());
  }

  /** Asserts parsing fails with exactly {@code message}, on one line. */
  static void assertFails(String yaml, String message) {
    assertFails(yaml, Map.of(), message);
  }

  static void assertFails(String yaml, Map<String, String> env, String message) {
    assertThatThrownBy(() -> ConfigLoader.parse(yaml, env))
        .isInstanceOf(ConfigException.class)
        .hasMessage(message)
        .message()
        .doesNotContain("\n");
  }
}
