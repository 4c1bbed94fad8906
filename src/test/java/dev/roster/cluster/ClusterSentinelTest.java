package dev.roster.cluster;

import dev.roster.testing.Polling;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.sim.clerk.ClerkSeed;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Redis behind Sentinel (SPEC §9): two real replicas configured with {@code sentinels} and
 * {@code masterName} (no {@code redisUrl}) find the master through a real sentinel ({@code
 * redis-server --sentinel}) and form one cluster.
 */
class ClusterSentinelTest {
  private static final String MASTER = "rostermaster";
  private static Process sentinel;
  private static ClusterFixture cluster;

  @BeforeAll
  static void start() throws IOException {
    int sentinelPort = freePort();
    // The replicas start first and keep trying until the sentinel answers.
    cluster = new ClusterFixture(2, "", "sentinels: [\"redis://127.0.0.1:" + sentinelPort
        + "\"], masterName: " + MASTER, true);
    Path dir = Files.createTempDirectory("roster-sentinel");
    Path conf = dir.resolve("sentinel.conf");
    Files.writeString(conf, "port " + sentinelPort + "\nbind 127.0.0.1\ndir " + dir + "\n"
        + "sentinel monitor " + MASTER + " 127.0.0.1 " + cluster.redis.port() + " 1\n");
    sentinel = new ProcessBuilder("/usr/bin/redis-server", conf.toString(), "--sentinel")
        .redirectErrorStream(true).redirectOutput(dir.resolve("sentinel.out").toFile()).start();
    Polling.until(Duration.ofSeconds(20), "the sentinel knows the master", () -> {
      try (RedisCli cli = new RedisCli(sentinelPort)) {
        return cli.call("SENTINEL", "get-master-addr-by-name", MASTER) instanceof List<?> a
            && !a.isEmpty();
      } catch (IOException notYet) {
        return false;
      }
    });
    cluster.awaitConnected(Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
    if (sentinel != null) {
      sentinel.destroyForcibly();
    }
  }

  @Test
  void replicasFindTheMasterThroughSentinelAndShareDeletions() {
    String id = ClerkSeed.BANNED_USER_ID;
    assertThat(cluster.user(1, id).statusCode()).isEqualTo(200);
    assertThat(cluster.webhook(0, "user.deleted", new JsonObject().put("id", id)
        .put("deleted", true).put("object", "user"))).isEqualTo(204);
    Polling.until(Duration.ofSeconds(1), "replica 1 forgets the user",
        () -> cluster.user(1, id).statusCode() == 404);
    assertThat(cluster.redis.call("XLEN", "roster:test:events")).isEqualTo(1L);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
