package dev.roster.cluster;

import dev.roster.testing.Polling;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * A real {@code redis-server} on a free loopback port, without persistence ({@code --save ""
 * --appendonly no}), started and killed by the test. Debian's binary at {@code
 * /usr/bin/redis-server} (or {@code ROSTER_TEST_REDIS_SERVER}); when missing the test is skipped,
 * or fails when {@code CI=true} (CI installs it).
 */
final class RedisServer implements AutoCloseable {
  private final String binary;
  private final int port;
  private final Path dir;
  private Process process;

  private RedisServer(String binary, int port, Path dir) {
    this.binary = binary;
    this.port = port;
    this.dir = dir;
  }

  /** Starts one on a free port. */
  static RedisServer start() {
    RedisServer server = new RedisServer(binary(), freePort(), tempDir());
    server.launch();
    return server;
  }

  /** A port nothing listens on now (for "Redis absent at start"), to start a server on later. */
  static RedisServer notStarted() {
    return new RedisServer(binary(), freePort(), tempDir());
  }

  int port() {
    return port;
  }

  String url() {
    return "redis://127.0.0.1:" + port + "/0";
  }

  boolean running() {
    return process != null && process.isAlive();
  }

  /** Starts (again) on the same port, empty. */
  void launch() {
    try {
      process = new ProcessBuilder(binary, "--port", String.valueOf(port), "--bind", "127.0.0.1",
              "--save", "", "--appendonly", "no", "--dir", dir.toString(),
              "--logfile", dir.resolve("redis.log").toString())
          .redirectErrorStream(true)
          .redirectOutput(dir.resolve("redis.out").toFile())
          .start();
      // Never outlive the test JVM, even when a test fails before closing its fixture.
      Process started = process;
      Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Polling.until(Duration.ofSeconds(20), "redis-server answers PING", () -> {
      try (RedisCli cli = cli()) {
        return "PONG".equals(cli.call("PING"));
      } catch (IOException notYet) {
        return false;
      }
    });
  }

  /** SIGKILL: the connections drop, nothing is saved. */
  void kill() {
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** One command on a fresh connection. */
  Object call(String... args) {
    try (RedisCli cli = cli()) {
      return cli.call(args);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  RedisCli cli() throws IOException {
    return new RedisCli(port);
  }

  @Override
  public void close() {
    kill();
  }

  private static String binary() {
    String configured = System.getenv("ROSTER_TEST_REDIS_SERVER");
    for (String candidate : configured == null
        ? List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server")
        : List.of(configured)) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("redis-server is not installed (apt-get install redis-server)");
    }
    Assumptions.abort("redis-server is not installed; cluster tests skipped");
    return null;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("roster-redis");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
