package dev.roster.config;

import static dev.roster.config.ConfigYaml.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvInterpolationTest {
  private static final String PEM =
      "-----BEGIN PUBLIC KEY-----\n"
          + "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n"
          + "-----END PUBLIC KEY-----\n";

  private static RosterOptions parse(String yaml, Map<String, String> env) {
    return ConfigLoader.parse(yaml, env);
  }

  @Test
  void replacesVariablesOfAnyScalarBeforeParsing() {
    String yaml =
        "server: { port: ${PORT} }\n"
            + "admin: { token: ${ADMIN_TOKEN} }\n"
            + ConfigYaml.app(ConfigYaml.AUTH, "upstreams: { clerk: { secretKey: ${KEY} } }");

    RosterOptions options =
        parse(
            yaml,
            Map.of("PORT", "8181", "ADMIN_TOKEN", "0123456789abcdef", "KEY", "sk_live_x"));

    assertThat(options.server().port()).isEqualTo(8181);
    assertThat(options.admin().token()).isEqualTo("0123456789abcdef");
    assertThat(options.apps().get("lance").clerk().secretKey()).isEqualTo("sk_live_x");
  }

  @Test
  void aMissingVariableIsNamedWithItsLine() {
    String yaml =
        "server:\n  port: 8080\n"
            + ConfigYaml.app(
                ConfigYaml.AUTH,
                "upstreams:",
                "  clerk:",
                "    secretKey: ${LANCE_CLERK_SECRET_KEY}");

    assertFails(yaml, "line 8: environment variable LANCE_CLERK_SECRET_KEY is not set");
  }

  @Test
  void commentsAreNeverInterpolated() {
    String yaml =
        "# set ${ROSTER_ADMIN_TOKEN} in production\n"
            + "admin:\n"
            + "  port: 9091   # or ${ADMIN_PORT}\n"
            + ConfigYaml.clerkApp("# cache: ${NOT_SET}");

    assertThat(parse(yaml, Map.of()).admin().port()).isEqualTo(9091);
  }

  @Test
  void aHashInsideAQuotedScalarIsNotAComment() {
    String yaml =
        ConfigYaml.app(
            ConfigYaml.AUTH, "upstreams: { clerk: { secretKey: \"sk #${KEY}\" } }");

    assertThat(parse(yaml, Map.of("KEY", "x")).apps().get("lance").clerk().secretKey())
        .isEqualTo("sk #x");
  }

  @Test
  void aMultiLinePemStaysInsideItsBlockScalar() {
    String yaml =
        ConfigYaml.app(
            "auth:",
            "  publicKeyPem: |",
            "    ${PEM}",
            "  issuer: https://id.example.com",
            ConfigYaml.CLERK);

    AuthOptions auth = parse(yaml, Map.of("PEM", PEM)).apps().get("lance").auth();

    assertThat(auth.publicKeyPem()).isEqualTo(PEM);
    assertThat(auth.issuer()).isEqualTo("https://id.example.com");
  }

  @Test
  void aPemWithWindowsLineEndingsAndNoFinalNewlineAlsoWorks() {
    String yaml = ConfigYaml.app("auth:", "  publicKeyPem: |-", "    ${PEM}", ConfigYaml.CLERK);
    String crlf = PEM.strip().replace("\n", "\r\n");

    assertThat(parse(yaml, Map.of("PEM", crlf)).apps().get("lance").auth().publicKeyPem())
        .isEqualTo(PEM);
  }

  @Test
  void aMultiLineValueInDoubleQuotesIsEscaped() {
    String yaml = ConfigYaml.app("auth: { publicKeyPem: \"${PEM}\" }", ConfigYaml.CLERK);

    assertThat(parse(yaml, Map.of("PEM", PEM)).apps().get("lance").auth().publicKeyPem())
        .isEqualTo(PEM);
  }

  @Test
  void quotesAndBackslashesSurviveDoubleQuotedAndSingleQuotedScalars() {
    String value = "a\"b\\c'd: #e";
    String yaml =
        ConfigYaml.app(
            ConfigYaml.AUTH,
            "upstreams:",
            "  clerk: { secretKey: \"${V}\" }",
            "  lexful: { accountId: " + ConfigYaml.LEXFUL_ACCOUNT + ", token: '${V}' }");

    AppOptions app = parse(yaml, Map.of("V", value)).apps().get("lance");

    assertThat(app.clerk().secretKey()).isEqualTo(value);
    assertThat(app.lexful().token()).isEqualTo(value);
  }

  @Test
  void aLineBreakInAPlainScalarIsRefusedWithoutShowingTheValue() {
    String yaml = ConfigYaml.app("auth: { publicKeyPem: ${PEM} }", ConfigYaml.CLERK);

    assertFails(
        yaml,
        Map.of("PEM", PEM),
        "line 3: environment variable PEM contains a line break; put ${PEM} in double quotes"
            + " or alone on a line of a block scalar (key: |)");
  }

  @Test
  void aValueThatBreaksTheYamlIsBlamedOnItsVariableNotQuoted() {
    String yaml = ConfigYaml.app(ConfigYaml.AUTH, "upstreams: { clerk: { secretKey: ${KEY} } }");

    assertFails(
        yaml,
        Map.of("KEY", "*hunter2"),
        "line 4: invalid YAML after inserting environment variable KEY"
            + " (write it as \"${KEY}\" if its value has YAML characters)");
  }

  @Test
  void dollarDollarWritesALiteralPlaceholder() {
    String yaml =
        ConfigYaml.app(ConfigYaml.AUTH, "upstreams: { clerk: { secretKey: \"$${NOT_A_VAR}\" } }");

    assertThat(parse(yaml, Map.of()).apps().get("lance").clerk().secretKey())
        .isEqualTo("${NOT_A_VAR}");
  }

  @Test
  void aMalformedPlaceholderIsAnError() {
    assertFails(
        "admin: { token: ${1BAD} }\n" + ConfigYaml.clerkApp(),
        "line 1: \"${\" must be followed by a variable name and \"}\""
            + " (write $${ for a literal ${)");
  }

  @Test
  void anEmptyVariableLeavesAnOptionalKeyUnset() {
    String yaml = "admin: { token: ${ADMIN_TOKEN} }\n" + ConfigYaml.clerkApp();

    assertThat(parse(yaml, Map.of("ADMIN_TOKEN", "")).admin().token()).isNull();
  }

  @Test
  void yamlErrorsAfterAMultiLineInsertReportTheOriginalLine() {
    String yaml =
        ConfigYaml.app("auth:", "  publicKeyPem: |", "    ${PEM}", ConfigYaml.CLERK)
            + "  bad: @x\n";

    assertFails(
        yaml,
        Map.of("PEM", PEM),
        "line 7, column 8: invalid YAML: found character '@' that cannot start any token."
            + " (Do not use @ for indentation)");
  }

  @Test
  void aCommentRightAfterABlockScalarIsStillAComment() {
    String yaml =
        ConfigYaml.app(
            "auth:",
            "  publicKeyPem: |",
            "    ${PEM}",
            "  # issuer: ${NOT_SET}",
            "  issuer: https://id.example.com",
            ConfigYaml.CLERK);

    assertThat(parse(yaml, Map.of("PEM", PEM)).apps().get("lance").auth().issuer())
        .isEqualTo("https://id.example.com");
  }

  @Test
  void anApostropheInAPlainScalarDoesNotOpenAQuote() {
    String yaml =
        ConfigYaml.app(
            "auth: { jwksUrl: https://x.example/jwks, issuer: it's-${WHO} }  # ${NOT_SET}",
            ConfigYaml.CLERK);

    assertThat(parse(yaml, Map.of("WHO", "me")).apps().get("lance").auth().issuer())
        .isEqualTo("it's-me");
  }

  @Test
  void aDoubleQuotedScalarMaySpanLines() {
    String yaml =
        ConfigYaml.app(
            "auth:",
            "  jwksUrl: https://x.example/jwks",
            "  issuer: \"https://${HOST}",
            "    # not a comment ${PATH_PART}\"",
            ConfigYaml.CLERK);

    assertThat(
            parse(yaml, Map.of("HOST", "id.example.com", "PATH_PART", "p"))
                .apps()
                .get("lance")
                .auth()
                .issuer())
        .isEqualTo("https://id.example.com # not a comment p");
  }
}
