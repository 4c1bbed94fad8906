package dev.roster.cluster;

import dev.roster.testing.Polling;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One real Roster JVM ({@code dev.roster.Main --config <file>}) on the test classpath, with
 * ports 0 read back from its start-up log line {@code listening on public port X, admin
 * port Y}. Its standard error is kept for assertions on logs.
 */
final class RosterProcess implements AutoCloseable {
  private static final Pattern LISTENING =
      Pattern.compile("listening on public port (\\d+), admin port (\\d+)");

  private final Process process;
  private final List<String> stderr = new CopyOnWriteArrayList<>();
  private volatile int publicPort;
  private volatile int adminPort;

  private RosterProcess(Process process) {
    this.process = process;
    Thread reader = new Thread(this::readErrors, "roster-stderr-" + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts Roster with {@code yaml} as its configuration and waits until it listens. */
  static RosterProcess start(String yaml) {
    try {
      Path config = Files.createTempFile("roster-cluster", ".yaml");
      Files.writeString(config, yaml);
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process process = new ProcessBuilder(java, "-Xmx192m", "-XX:TieredStopAtLevel=1",
              "-XX:+UseSerialGC", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
              "dev.roster.Main", "--config", config.toString())
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
      RosterProcess roster = new RosterProcess(process);
      Polling.until(Duration.ofSeconds(60), "Roster listening; stderr: " + roster.stderr,
          () -> roster.adminPort != 0 || !process.isAlive());
      if (roster.adminPort == 0) {
        throw new AssertionError("Roster did not start: " + roster.stderr);
      }
      return roster;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int publicPort() {
    return publicPort;
  }

  int adminPort() {
    return adminPort;
  }

  List<String> stderr() {
    return List.copyOf(stderr);
  }

  long pid() {
    return process.pid();
  }

  /** SIGKILL. */
  void kill() {
    process.destroyForcibly();
  }

  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void readErrors() {
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        stderr.add(line);
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          publicPort = Integer.parseInt(m.group(1));
          adminPort = Integer.parseInt(m.group(2));
        }
      }
    } catch (IOException closed) {
      // The process ended.
    }
  }
}
