package dev.roster.cluster;

import dev.roster.testing.Polling;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.sim.fault.Fault;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One upstream budget and one 429 hold for the whole cluster (SPEC §9): three real replicas
 * with {@code requestsPerSecond: 5} for Clerk.
 */
class ClusterBudgetTest {
  private static final int RPS = 5;
  private static ClusterFixture cluster;

  @BeforeAll
  static void start() {
    // One upstream call per cold user (no batching), so the storm runs into the budget.
    cluster = new ClusterFixture(
        3, "requestsPerSecond: " + RPS + "\n        batchWindow: 0ms", "", true);
    cluster.awaitConnected(Duration.ofSeconds(20));
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @AfterEach
  void clearFaults() {
    cluster.clerk.faults().clear();
  }

  @Test
  void coldStormOnEveryReplicaStaysWithinOneClusterBudget() {
    cluster.clerk.clearRequests();
    long start = System.nanoTime();
    int rounds = 0;
    int refused = 0;
    // About 3 s of cold misses on all three replicas at once, 6 distinct ids per replica a round.
    while (System.nanoTime() - start < Duration.ofSeconds(3).toNanos()) {
      List<CompletableFuture<HttpResponse<String>>> round = new ArrayList<>();
      for (int replica = 0; replica < 3; replica++) {
        for (int k = 0; k < 6; k++) {
          round.add(cluster.userAsync(replica, "user_cold" + UUID.randomUUID().toString()
              .replace("-", "")));
        }
      }
      for (CompletableFuture<HttpResponse<String>> answer : round) {
        if (answer.join().statusCode() == 503) {
          refused++;
        }
      }
      rounds++;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    int calls = cluster.clerk.requestCount();
    // A bucket of RPS tokens refilled at RPS/s admits at most RPS + RPS·t in t seconds; each
    // replica alone would have admitted three times that.
    assertThat(calls).as("upstream calls in %.1f s over %d rounds", seconds, rounds)
        .isLessThanOrEqualTo((int) Math.ceil(RPS + RPS * seconds) + 1)
        .isGreaterThan(0);
    assertThat(refused).isGreaterThan(0);
    assertThat(cluster.metric(1, "roster_cluster_budget_takes_total", "shared")).isGreaterThan(0);
  }

  @Test
  void a429SeenByOneReplicaHoldsEveryReplica() {
    awaitBudgetRefilled();
    cluster.clerk.faults().add(Fault.rateLimit(3).times(1));
    HttpResponse<String> limited = cluster.user(0, coldId());
    assertThat(limited.statusCode()).isEqualTo(503);
    int calls = cluster.clerk.requestCount();

    for (int replica = 1; replica < 3; replica++) {
      int r = replica;
      Polling.until(Duration.ofSeconds(1), "replica " + r + " holds without asking Clerk", () -> {
        int before = cluster.clerk.requestCount();
        return cluster.user(r, coldId()).statusCode() == 503
            && cluster.clerk.requestCount() == before;
      });
    }
    assertThat(cluster.clerk.requestCount()).isLessThanOrEqualTo(calls + 2);
    Polling.until(Duration.ofSeconds(8), "calls go out again after Retry-After",
        () -> cluster.user(2, coldId()).statusCode() == 404);
  }

  private static void awaitBudgetRefilled() {
    Polling.until(Duration.ofSeconds(5), "a token is available",
        () -> cluster.user(0, coldId()).statusCode() == 404);
  }

  private static String coldId() {
    return "user_cold" + UUID.randomUUID().toString().replace("-", "");
  }
}
