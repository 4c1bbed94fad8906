package dev.roster.config;

import static dev.roster.config.ConfigYaml.AUTH;
import static dev.roster.config.ConfigYaml.CLERK;
import static dev.roster.config.ConfigYaml.app;
import static dev.roster.config.ConfigYaml.assertFails;
import static dev.roster.config.ConfigYaml.clerkApp;
import static dev.roster.config.ConfigYaml.parse;
import static dev.roster.config.ConfigYaml.withTopLevel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The file's shape, the listeners and demo block, and what YAML itself may not do. */
class FileValidationTest {
  static Stream<Arguments> fileRules() {
    String demo = "demo: { clerkPort: 18081, lexfulPort: 18082, issuerPort: 18083 }";
    return Stream.of(
        arguments("", "apps: at least one app is required"),
        arguments("# only a comment\n", "apps: at least one app is required"),
        arguments("apps: {}\n", "apps: at least one app is required"),
        arguments("- apps\n", "the file must be a mapping of keys (server, admin, apps, demo)"),
        arguments(withTopLevel("srever: { port: 1 }"),
            "srever: unknown key (did you mean server?)"),
        arguments(withTopLevel("server: { port: 70000 }"),
            "server.port: must be between 0 and 65535 (got 70000)"),
        arguments(withTopLevel("server: { port: -1 }"),
            "server.port: must be between 0 and 65535 (got -1)"),
        arguments(withTopLevel("server: { port: http }"),
            "server.port: \"http\" is not an integer"),
        arguments(withTopLevel("server: { shutdownGrace: 10 }"),
            "server.shutdownGrace: \"10\" is not a duration (use ms, s, m or h)"),
        arguments(withTopLevel("server: { host: '' }"), "server.host: must not be empty"),
        arguments(withTopLevel("admin: { port: 8080 }"),
            "admin.port: must differ from server.port (8080)"),
        arguments(withTopLevel("admin: { tokn: x }"),
            "admin.tokn: unknown key (did you mean token?)"),
        arguments(withTopLevel("demo: { clerkPort: 18081, lexfulPort: 18082 }"),
            "demo.issuerPort: required"),
        arguments(withTopLevel("demo: { clerkPort: 1, lexfulPort: 1, issuerPort: 2 }"),
            "demo.lexfulPort: must differ from demo.clerkPort (1)"),
        arguments(withTopLevel("demo: { clerkPort: 9090, lexfulPort: 1, issuerPort: 2 }"),
            "demo.clerkPort: must differ from admin.port (9090)"),
        arguments(withTopLevel(demo + "\nserver: { port: 18083 }"),
            "demo.issuerPort: must differ from server.port (18083)"),
        arguments(withTopLevel("demo: { clerkPort: 1, lexfulPort: 2, issuerPort: 3, x: 4 }"),
            "demo.x: unknown key"),
        arguments(app(AUTH, CLERK, "auth: { hmacSecret: x }"),
            "apps.lance.auth: duplicate key (lines 3 and 5)"),
        arguments(clerkApp() + "  lance: {}\n", "apps.lance: duplicate key (lines 2 and 5)"),
        arguments(withTopLevel("server: !!java.net.URL [http://x.example]"),
            "line 1, column 9: invalid YAML: Global tag is not allowed:"
                + " tag:yaml.org,2002:java.net.URL"),
        arguments(withTopLevel("server: { port: !custom 1 }"),
            "server.port: YAML tags (!...) are not supported"),
        arguments("base: &base { port: 1 }\n" + withTopLevel("server: { <<: *base }"),
            "server: merge keys (<<) are not supported"),
        arguments(withTopLevel("server:\n\tport: 1"),
            "line 2, column 1: invalid YAML: found character '\\t(TAB)' that cannot start any"
                + " token. (Do not use \\t(TAB) for indentation)"));
  }

  @ParameterizedTest
  @MethodSource("fileRules")
  void refusesWithOneLineNamingTheKeyOrLine(String yaml, String message) {
    assertFails(yaml, message);
  }

  @Test
  void anAdminTokenWithSpacesIsRefusedWithoutShowingIt() {
    assertFails(withTopLevel("admin: { token: 'hunter2 hunter2' }"),
        "admin.token: must not contain spaces or control characters");
  }

  @Test
  void secretsNeverAppearInMessages() {
    String[] yamls = {
      withTopLevel("admin: { token: 'SECRETVALUE x' }"),
      clerkApp("webhooks: { clerkSigningSecret: SECRETVALUE }"),
      clerkApp("webhooks: { clerkSigningSecret: whsec_SECRETVALUE* }"),
      app("auth: { hmacSecret: SECRETVALUE, jwksUrl: 'https://x.example/jwks' }", CLERK),
      app("auth: { jwksUrl: 'https://user:SECRETVALUE@x.example/jwks' }", CLERK),
      app("auth: { jwksUrl: 'https://user:SECRETVALUE @x.example/jwks' }", CLERK),
      app("auth: { jwksUrl: 'ftp://user:SECRETVALUE@x.example/jwks' }", CLERK),
      app(AUTH, "upstreams: { clerk: { secretKey: sk, baseUrl: 'https://a@b/?SECRETVALUE' } }"),
    };
    for (String yaml : yamls) {
      assertThatThrownBy(() -> parse(yaml))
          .isInstanceOf(ConfigException.class)
          .message()
          .doesNotContain("SECRETVALUE");
    }
  }

  @Test
  void anAliasBombIsStoppedBeforeItExpands() {
    StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'z'; c++) {
      char prev = (char) (c - 1);
      yaml.append(c).append(": &").append(c).append(" [*").append(prev).append(", *")
          .append(prev).append(", *").append(prev).append(", *").append(prev).append("]\n");
    }

    assertThatThrownBy(() -> parse(yaml.toString()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("invalid YAML")
        .hasMessageContaining("aliases");
  }

  @Test
  void scalarsAreReadAsTheTypeTheirKeyNeedsNotAsYaml11Types() {
    RosterOptions options =
        parse(withTopLevel("server: { host: '127.0.0.1', port: '8081' }\nadmin: { port: 0 }"));

    assertThat(options.server().host()).isEqualTo("127.0.0.1");
    assertThat(options.server().port()).isEqualTo(8081);
    assertThat(options.admin().port()).isZero();
  }

  @Test
  void portsMayBothBeZeroForTests() {
    RosterOptions options =
        parse(withTopLevel("server: { port: 0 }\nadmin: { port: 0 }\n"
            + "demo: { clerkPort: 0, lexfulPort: 0, issuerPort: 0 }"));

    assertThat(options.server().port()).isZero();
    assertThat(options.admin().port()).isZero();
    assertThat(options.demo()).isEqualTo(new DemoOptions(0, 0, 0));
  }

  @Test
  void appNamesThatLookLikeAdminRoutesAreFineOnThePublicPort() {
    String body = "    " + AUTH + "\n    " + CLERK + "\n";
    RosterOptions options =
        parse("apps:\n  cache:\n" + body + "  health:\n" + body + "  metrics-2:\n" + body);

    assertThat(options.apps().keySet()).containsExactly("cache", "health", "metrics-2");
  }

  @Test
  void acceptsTheLooserValidForms() {
    AppOptions app =
        parse(
                app(
                    "auth: { hmacSecret: '" + "k".repeat(32) + "', audience: roster }",
                    CLERK,
                    "cache: { staleWhileRevalidate: 0s, staleIfError: 0ms, maxBytes: 1MB }",
                    "cors: { allowedOrigins: ['*'] }"))
            .apps()
            .get("lance");

    assertThat(app.auth().hmacSecret()).hasSize(32);
    assertThat(app.auth().audience()).isEqualTo("roster");
    assertThat(app.cache().staleWhileRevalidate()).isEqualTo(Duration.ZERO);
    assertThat(app.cache().maxBytes()).isEqualTo(1024 * 1024);
    assertThat(app.cors().allowedOrigins()).containsExactly("*");
    assertThat(
            parse(clerkApp("cors: { allowedOrigins: ['http://localhost:3000'] }"))
                .apps().get("lance").cors().allowedOrigins())
        .containsExactly("http://localhost:3000");
  }

  @Test
  void readsTheEnvironmentOnlyThroughTheGivenMap() {
    assertFails(
        withTopLevel("admin: { token: ${PATH} }"),
        Map.of(),
        "line 1: environment variable PATH is not set");
  }
}
