package dev.roster.cluster;

import dev.roster.testing.Polling;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.sim.clerk.ClerkSeed;
import dev.roster.sim.fault.Fault;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Redis away is never an outage (SPEC §9): two real replicas start before Redis exists, then
 * Redis appears, one replica is cut off and healed, and Redis is killed and restarted empty. The
 * second replica reaches Redis through a relay the test can cut. The tests run in order, each
 * from the state the previous one left, as one operator's afternoon.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterResilienceTest {
  private static final Duration RECONNECT = Duration.ofSeconds(15);
  private static ClusterFixture cluster;

  @BeforeAll
  static void start() {
    cluster = new ClusterFixture(2, "", "", false, true);
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void startsReadyAndServingWithoutRedisThenJoinsWhenRedisAppears() {
    for (int i = 0; i < 2; i++) {
      int r = i;
      // Ready as soon as its keys are loaded (the JWKS fetch), Redis or not.
      Polling.until(Duration.ofSeconds(20), "replica " + r + " ready without Redis",
          () -> cluster.ready(r) == 200);
      assertThat(cluster.metric(i, "roster_cluster_connected")).isEqualTo(0.0);
      assertThat(cluster.user(i, ClerkSeed.ACME_MEMBER_ID).statusCode()).isEqualTo(200);
    }

    cluster.redis.launch();
    cluster.awaitConnected(RECONNECT);

    assertThat(cluster.webhook(0, "user.deleted", deleted(ClerkSeed.ACME_MEMBER_ID)))
        .isEqualTo(204);
    Polling.until(Duration.ofSeconds(1), "replica 1 forgets the user",
        () -> cluster.user(1, ClerkSeed.ACME_MEMBER_ID).statusCode() == 404);
    for (int i = 0; i < 2; i++) {
      long warnings = cluster.replica(i).stderr().stream()
          .filter(line -> line.contains("cluster unavailable")).count();
      assertThat(warnings).as("one line per outage, not one per retry").isEqualTo(1);
      assertThat(String.join("\n", cluster.replica(i).stderr())).doesNotContain("\tat ");
    }
  }

  @Test
  @Order(2)
  void aReplicaCutOffReplaysWhatItMissedWithoutDroppingItsCache() {
    ensureRedis();
    String kept = ClerkSeed.BANNED_USER_ID;
    String deleted = ClerkSeed.LOCKED_USER_ID;
    assertThat(cluster.user(1, kept).statusCode()).isEqualTo(200);
    assertThat(cluster.user(1, deleted).statusCode()).isEqualTo(200);
    int keptFetches = cluster.userFetches(kept);

    cluster.relay.cut();
    Polling.until(Duration.ofSeconds(5), "replica 1 notices it is cut off",
        () -> cluster.metric(1, "roster_cluster_connected") == 0.0);
    assertThat(cluster.webhook(0, "user.deleted", deleted(deleted))).isEqualTo(204);
    assertThat(cluster.user(1, kept).statusCode()).isEqualTo(200);

    cluster.relay.heal();
    Polling.until(RECONNECT, "replica 1 replays the deletion",
        () -> cluster.user(1, deleted).statusCode() == 404);
    assertThat(cluster.metric(1, "roster_cluster_resyncs_total", "replay")).isGreaterThan(0);
    assertThat(cluster.user(1, kept).statusCode()).isEqualTo(200);
    assertThat(cluster.userFetches(kept)).as("its cache was kept").isEqualTo(keptFetches);
  }

  @Test
  @Order(3)
  void redisKilledAndRestartedEmptyNeverServesAUserDeletedMeanwhile() {
    ensureRedis();
    String id = ClerkSeed.PHONE_ONLY_USER_ID;
    for (int i = 0; i < 2; i++) {
      assertThat(cluster.user(i, id).statusCode()).isEqualTo(200);
    }

    cluster.redis.kill();
    Polling.until(Duration.ofSeconds(5), "both replicas notice Redis is gone",
        () -> cluster.metric(0, "roster_cluster_connected") == 0.0
            && cluster.metric(1, "roster_cluster_connected") == 0.0);
    for (int i = 0; i < 2; i++) {
      assertThat(cluster.ready(i)).isEqualTo(200);
      assertThat(cluster.user(i, ClerkSeed.ACME_ADMIN_ID).statusCode()).isEqualTo(200);
    }
    assertThat(cluster.webhook(0, "user.deleted", deleted(id))).isEqualTo(204);
    assertThat(cluster.metric(0, "roster_cluster_outbox_events")).isEqualTo(1.0);
    cluster.clerk.faults().add(Fault.status(500));
    try {
      cluster.redis.launch();
      cluster.awaitConnected(RECONNECT);
      Polling.until(Duration.ofSeconds(2), "replica 1 no longer serves the deleted user",
          () -> cluster.user(1, id).statusCode() != 200);
      assertThat(cluster.metric(1, "roster_cluster_resyncs_total", "epoch")).isGreaterThan(0);
      Polling.until(Duration.ofSeconds(2), "the outbox is flushed",
          () -> cluster.metric(0, "roster_cluster_outbox_events") == 0.0);
    } finally {
      cluster.clerk.faults().clear();
    }
  }

  @Test
  @Order(4)
  void whenTheReplicaHoldingAFillLockDiesAnotherFetchesAfterTheWait() {
    ensureRedis();
    String id = ClerkSeed.NO_ORG_USER_ID;
    String lock = "roster:test:c1:{acme:user:" + id + "}:lock";
    cluster.clerk.faults().add(Fault.latency(1500).onPath("/v1/users/" + id));
    try {
      cluster.userAsync(0, id);
      Polling.until(Duration.ofSeconds(10), "replica 0 holds the fill lock",
          () -> Long.valueOf(1).equals(cluster.redis.call("EXISTS", lock)));
      cluster.replica(0).kill();

      assertThat(cluster.user(1, id).statusCode()).isEqualTo(200);
      assertThat(cluster.metric(1, "roster_cluster_fill_locks_total", "waited"))
          .isGreaterThan(0);
    } finally {
      cluster.clerk.faults().clear();
    }
  }

  /** The state the previous test should have left, even when it failed half-way. */
  private static void ensureRedis() {
    if (!cluster.redis.running()) {
      cluster.redis.launch();
    }
    if (cluster.relay != null) {
      cluster.relay.heal();
    }
    cluster.awaitConnected(RECONNECT);
  }

  private static JsonObject deleted(String id) {
    return new JsonObject().put("id", id).put("deleted", true).put("object", "user");
  }
}
