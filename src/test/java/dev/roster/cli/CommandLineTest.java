package dev.roster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.BuildVersion;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §8's command line: help, version, check on good and bad files, usage errors. */
class CommandLineTest {
  private static final String GOOD =
      "apps:\n  acme:\n    auth: { hmacSecret: ${ACME_SECRET} }\n"
          + "    upstreams:\n      clerk: { baseUrl: 'http://127.0.0.1:1', secretKey: sk_test_x }\n";

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(Map<String, String> env, String... args) {
    return RosterCommand.execute(args, env, new PrintWriter(out), new PrintWriter(err));
  }

  private Path file(String yaml) throws Exception {
    return Files.writeString(dir.resolve("roster.yaml"), yaml);
  }

  @Test
  void helpPrintsTheUsageAndExitsZero() {
    assertThat(run(Map.of(), "--help")).isZero();
    assertThat(out.toString()).startsWith("Usage: roster").contains("--config=FILE", "check");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void versionPrintsTheMavenVersionAndExitsZero() {
    assertThat(run(Map.of(), "--version")).isZero();
    assertThat(BuildVersion.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(out.toString()).isEqualTo("roster " + BuildVersion.version() + System.lineSeparator());
  }

  @Test
  void checkSaysOkForAGoodFileWithItsSecretsResolved() throws Exception {
    Path path = file(GOOD);
    assertThat(run(Map.of("ACME_SECRET", "s3cret"), "check", "--config", path.toString()))
        .isZero();
    assertThat(out.toString().strip()).isEqualTo("ok");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void checkTakesTheFileFromRosterConfigOrBeforeTheCommand() throws Exception {
    Path path = file(GOOD);
    Map<String, String> env = Map.of("ACME_SECRET", "s", "ROSTER_CONFIG", path.toString());
    assertThat(run(env, "check")).isZero();
    assertThat(run(Map.of("ACME_SECRET", "s"), "--config", path.toString(), "check")).isZero();
  }

  @Test
  void checkGivesTheOneLineErrorAndExitsTwo() throws Exception {
    Path path = file(GOOD.replace("clerk:", "clerc:"));
    assertThat(run(Map.of("ACME_SECRET", "s"), "check", "--config", path.toString()))
        .isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString())
        .isEqualTo(
            "roster: config error: apps.acme.upstreams.clerc: unknown key (did you mean clerk?)"
                + System.lineSeparator());
  }

  @Test
  void checkRefusesAMissingSecretWithoutShowingAnyValue() throws Exception {
    Path path = file(GOOD);
    assertThat(run(Map.of(), "check", "--config", path.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("ACME_SECRET").hasLineCount(1);
  }

  @Test
  void checkRefusesAKeyThatParsesButCannotBeUsed() throws Exception {
    Path path =
        file(GOOD.replace("hmacSecret: ${ACME_SECRET}", "publicKeyPem: not-a-pem-key"));
    assertThat(run(Map.of(), "check", "--config", path.toString())).isEqualTo(2);
    assertThat(err.toString()).startsWith("roster: config error: apps.acme.auth.publicKeyPem:");
  }

  @Test
  void checkOfAMissingFileIsAConfigError() {
    assertThat(run(Map.of(), "check", "--config", dir.resolve("nope.yaml").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("nope.yaml: file not found").hasLineCount(1);
  }

  @Test
  void unknownOptionsAndArgumentsAreOneLineUsageErrors() {
    assertThat(run(Map.of(), "--port", "1")).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo("roster: Unknown options: '--port', '1' (see roster --help)" + System.lineSeparator());
    err.getBuffer().setLength(0);
    assertThat(run(Map.of(), "serve-forever")).isEqualTo(2);
    assertThat(err.toString()).hasLineCount(1).startsWith("roster: ");
    err.getBuffer().setLength(0);
    assertThat(run(Map.of(), "--config")).isEqualTo(2);
    assertThat(err.toString()).hasLineCount(1).contains("--config");
    assertThat(out.toString()).isEmpty();
  }

  private static Process main(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
        "-cp",
        System.getProperty("java.class.path"),
        "dev.roster.Main"));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).start();
  }

  @Test
  void aServerThatCannotStartSaysWhyInOneJsonLogLineAndExitsTwo() throws Exception {
    Process process = main("--config", dir.resolve("missing.yaml").toString());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(err).hasLineCount(1);
    JsonObject line = new JsonObject(err.strip());
    assertThat(line.fieldNames()).contains("time", "level", "logger", "message");
    assertThat(line.getString("level")).isEqualTo("ERROR");
    assertThat(line.getString("message"))
        .isEqualTo("config error: " + dir.resolve("missing.yaml") + ": file not found");
  }

  @Test
  void theProcessExitsWithTheCommandsCode() throws Exception {
    Process process = main("--bogus");
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo("roster: Unknown option: '--bogus' (see roster --help)" + System.lineSeparator());
  }
}
