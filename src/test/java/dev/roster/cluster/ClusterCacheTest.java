package dev.roster.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.sim.clerk.ClerkSeed;
import dev.roster.sim.fault.Fault;
import dev.roster.sim.issuer.TokenSpec;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One fill per key (SPEC §9): three real replicas share a second-level cache in Redis with a
 * per-key fill lock; deletions never come back through it.
 */
class ClusterCacheTest {
  private static ClusterFixture cluster;

  @BeforeAll
  static void start() {
    cluster = new ClusterFixture(3, "", "", true);
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
  void sixtyConcurrentColdReadsOnEachOfThreeReplicasMakeOneUpstreamCall() {
    // In no organisation another test lists, so no replica holds it from a list fetch.
    String id = ClerkSeed.EMPTY_ORG_ADMIN_ID;
    cluster.clerk.faults().add(Fault.latency(300).onPath("/v1/users/" + id));
    List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
    for (int k = 0; k < 60; k++) {
      for (int replica = 0; replica < 3; replica++) {
        answers.add(cluster.userAsync(replica, id));
      }
    }
    int shared = 0;
    java.util.Map<String, Integer> statuses = new java.util.TreeMap<>();
    for (CompletableFuture<HttpResponse<String>> answer : answers) {
      HttpResponse<String> response = answer.join();
      assertThat(response.statusCode()).isEqualTo(200);
      String status = response.headers().firstValue("Cache-Status").orElse("");
      statuses.merge(status.replaceAll("ttl=\\d+", "ttl=N"), 1, Integer::sum);
      if (status.contains("detail=cluster")) {
        shared++;
      }
    }
    assertThat(cluster.userFetches(id)).as("upstream calls; l2 errors %s, lock timeouts %s",
            cluster.metric(0, "roster_cluster_l2_lookups_total", "error")
                + cluster.metric(1, "roster_cluster_l2_lookups_total", "error")
                + cluster.metric(2, "roster_cluster_l2_lookups_total", "error"),
            cluster.metric(0, "roster_cluster_fill_locks_total", "timed_out")
                + cluster.metric(1, "roster_cluster_fill_locks_total", "timed_out")
                + cluster.metric(2, "roster_cluster_fill_locks_total", "timed_out"))
        .isEqualTo(1);
    assertThat(shared).as("answers served from another replica's fill: %s", statuses)
        .isGreaterThan(0);
  }

  @Test
  void anEntryOneReplicaFetchedServesTheOthersWithDetailCluster() {
    String id = ClerkSeed.NO_ORG_USER_ID;
    assertThat(cluster.user(0, id).headers().firstValue("Cache-Status").orElseThrow())
        .isEqualTo("roster; fwd=miss; stored");
    for (int replica = 1; replica < 3; replica++) {
      HttpResponse<String> response = cluster.user(replica, id);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Cache-Status").orElseThrow())
          .startsWith("roster; hit; ttl=").endsWith("; detail=cluster");
    }
    assertThat(cluster.userFetches(id)).isEqualTo(1);
    assertThat(cluster.metric(1, "roster_cluster_l2_lookups_total", "hit")).isGreaterThan(0);
  }

  @Test
  void aDeletedUserNeverComesBackThroughTheSharedLevel() {
    String org = ClerkSeed.ACME_ORG_ID;
    String gone = ClerkSeed.LOCKED_USER_ID;
    String orgToken = cluster.issuer.issue(TokenSpec.forSubject(ClerkSeed.ACME_MEMBER_ID)
        .org(org, "acme", "org:member").lifetime(Duration.ofHours(48)));
    assertThat(list(0, orgToken)).contains(gone);
    assertThat(cluster.user(0, gone).statusCode()).isEqualTo(200);

    // The simulator still has the user, so a replica that asked Clerk, or trusted an old
    // shared entry, would show it again.
    assertThat(cluster.webhook(1, "user.deleted", new JsonObject().put("id", gone)
        .put("deleted", true).put("object", "user"))).isEqualTo(204);
    assertThat(cluster.user(2, gone).statusCode()).isEqualTo(404);

    // Now Clerk's lists leave the user out too; the shared list replica 0 filled still names
    // it and must not be read by replica 2, which never held the org.
    cluster.clerk.removeMembership(org, gone);
    assertThat(list(2, orgToken)).doesNotContain(gone);
    assertThat(cluster.user(0, gone).statusCode()).isEqualTo(404);
  }

  private static String list(int replica, String orgToken) {
    HttpResponse<String> response = cluster.send(HttpRequest.newBuilder(
            cluster.publicUri(replica, "/acme/v1/users"))
        .header("Authorization", "Bearer " + orgToken).GET().build());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }
}
