package dev.roster.cluster;

import dev.roster.testing.Polling;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.sim.clerk.ClerkSeed;
import dev.roster.sim.fault.Fault;
import dev.roster.sim.issuer.TokenSpec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Invalidation everywhere (SPEC §9): three real replicas on one Redis; a webhook or admin purge
 * accepted by one takes effect on the others within 1 s.
 */
class ClusterEventsTest {
  private static final Duration WITHIN = Duration.ofSeconds(1);
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
  void userDeletedThroughOneReplicaIsNotFoundOnEveryReplicaEvenWhileClerkFails() {
    String id = ClerkSeed.LOCKED_USER_ID;
    readEverywhere(id);
    cluster.clerk.faults().add(Fault.status(500));

    assertThat(cluster.webhook(1, "user.deleted", new JsonObject().put("id", id)
        .put("deleted", true).put("object", "user"))).isEqualTo(204);

    for (int i = 0; i < 3; i++) {
      int r = i;
      Polling.until(WITHIN, "replica " + r + " forgets the deleted user",
          () -> cluster.user(r, id).statusCode() == 404);
    }
  }

  @Test
  void userUpdatedReachesEveryReplicaWithoutAnUpstreamCall() {
    String id = ClerkSeed.NO_LAST_NAME_USER_ID;
    readEverywhere(id);
    int fetches = cluster.userFetches(id);
    JsonObject changed = cluster.clerk.user(id).put("first_name", "Renamed")
        .put("updated_at", System.currentTimeMillis());

    assertThat(cluster.webhook(0, "user.updated", changed)).isEqualTo(204);

    for (int i = 1; i < 3; i++) {
      int r = i;
      Polling.until(WITHIN, "replica " + r + " shows the new name",
          () -> cluster.user(r, id).body().contains("\"firstName\":\"Renamed\""));
    }
    assertThat(cluster.userFetches(id)).isEqualTo(fetches);
  }

  @Test
  void userCreatedReachesEveryReplicaWithoutAnUpstreamCall() {
    String id = "user_2clusterCreated00000001";
    JsonObject created = cluster.clerk.user(ClerkSeed.NO_ORG_USER_ID).put("id", id)
        .put("first_name", "Fresh").put("created_at", System.currentTimeMillis())
        .put("updated_at", System.currentTimeMillis());
    cluster.clerk.putUser(created);

    assertThat(cluster.webhook(0, "user.created", created)).isEqualTo(204);

    for (int i = 1; i < 3; i++) {
      int r = i;
      Polling.until(WITHIN, "replica " + r + " knows the new user",
          () -> cluster.user(r, id).body().contains("\"firstName\":\"Fresh\""));
    }
    assertThat(cluster.userFetches(id)).isZero();
  }

  @Test
  void organizationDeletedThroughOneReplicaDropsItsMemberListEverywhere() {
    String org = ClerkSeed.EMPTY_ORG_ID;
    String orgToken = cluster.issuer.issue(TokenSpec.forSubject(ClerkSeed.EMPTY_ORG_ADMIN_ID)
        .org(org, "empty", "org:admin").lifetime(Duration.ofHours(48)));
    for (int i = 0; i < 3; i++) {
      assertThat(list(i, orgToken)).contains(ClerkSeed.EMPTY_ORG_ADMIN_ID);
    }
    // Changed at Clerk without a membership webhook: only the org event can drop the lists.
    cluster.clerk.addMembership(org, ClerkSeed.NO_ORG_USER_ID, "org:member");

    assertThat(cluster.webhook(1, "organization.deleted", new JsonObject().put("id", org)
        .put("deleted", true).put("object", "organization"))).isEqualTo(204);

    for (int i = 0; i < 3; i++) {
      int r = i;
      Polling.until(WITHIN, "replica " + r + " fetches the org's members again",
          () -> list(r, orgToken).contains(ClerkSeed.NO_ORG_USER_ID));
    }
  }

  @Test
  void membershipChangeThroughOneReplicaDropsTheMemberListEverywhere() {
    String org = ClerkSeed.GLOBEX_ORG_ID;
    String orgToken = cluster.issuer.issue(TokenSpec.forSubject(ClerkSeed.ACME_MEMBER_ID)
        .org(org, "globex", "org:admin").lifetime(Duration.ofHours(48)));
    String leaving = firstMemberOtherThan(orgToken, ClerkSeed.ACME_MEMBER_ID);
    for (int i = 0; i < 3; i++) {
      assertThat(list(i, orgToken)).contains(leaving);
    }
    cluster.clerk.removeMembership(org, leaving);

    assertThat(cluster.webhook(2, "organizationMembership.deleted", new JsonObject()
        .put("organization", new JsonObject().put("id", org))
        .put("public_user_data", new JsonObject().put("user_id", leaving)))).isEqualTo(204);

    for (int i = 0; i < 2; i++) {
      int r = i;
      Polling.until(WITHIN, "replica " + r + " lists the org without the member",
          () -> !list(r, orgToken).contains(leaving));
    }
  }

  @Test
  void adminUserPurgeOnOneReplicaMakesEveryReplicaShowWhatClerkHoldsNow() {
    String id = ClerkSeed.BANNED_USER_ID;
    readEverywhere(id);
    int fetches = cluster.userFetches(id);
    renameAtClerk(id, "PurgedUser");

    assertThat(cluster.purge(2, "/cache/acme/users/" + id)).isEqualTo(204);

    awaitEverywhere(id, "PurgedUser");
    assertThat(cluster.userFetches(id) - fetches).as("the cluster asked Clerk again, once")
        .isEqualTo(1);
    assertThat(cluster.metric(0, "roster_cluster_events_applied_total", "user.evicted"))
        .isGreaterThanOrEqualTo(1.0);
  }

  @Test
  void adminAppPurgeOnOneReplicaClearsEveryReplica() {
    String id = ClerkSeed.PHONE_ONLY_USER_ID;
    readEverywhere(id);
    renameAtClerk(id, "PurgedApp");

    assertThat(cluster.purge(0, "/cache/acme")).isEqualTo(204);

    awaitEverywhere(id, "PurgedApp");
  }

  /** Changes the user at Clerk only: no webhook, so only a refetch can show the new name. */
  private static void renameAtClerk(String id, String name) {
    cluster.clerk.putUser(cluster.clerk.user(id).put("first_name", name));
  }

  private static void awaitEverywhere(String id, String name) {
    for (int i = 0; i < 3; i++) {
      int r = i;
      Polling.until(WITHIN, "replica " + r + " shows what Clerk holds after the purge",
          () -> cluster.user(r, id).body().contains("\"firstName\":\"" + name + "\""));
    }
  }

  private static void readEverywhere(String id) {
    for (int i = 0; i < 3; i++) {
      assertThat(cluster.user(i, id).statusCode()).isEqualTo(200);
    }
  }

  private static String list(int replica, String orgToken) {
    return cluster.send(HttpRequest.newBuilder(cluster.publicUri(replica, "/acme/v1/users"))
        .header("Authorization", "Bearer " + orgToken).GET().build()).body();
  }

  private static String firstMemberOtherThan(String orgToken, String other) {
    JsonArray members = new JsonArray(list(0, orgToken));
    for (int i = 0; i < members.size(); i++) {
      String id = members.getJsonObject(i).getString("id");
      if (!id.equals(other)) {
        return id;
      }
    }
    throw new AssertionError("no other member");
  }
}
