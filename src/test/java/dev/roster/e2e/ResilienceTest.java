package dev.roster.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.sim.clerk.ClerkSeed;
import dev.roster.sim.fault.Fault;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Cache and upstream protection seen from outside: coalescing, stale serving, 429, breaker. */
class ResilienceTest {
  private final RosterHarness harness = new RosterHarness();

  @AfterEach
  void stop() {
    harness.close();
  }

  private String self(String userId) {
    return harness.token(userId, null, null);
  }

  @Test
  void coalescesFiveHundredConcurrentColdReadsIntoOneUpstreamCall() {
    String token = self(ClerkSeed.BANNED_USER_ID);
    String path = "/acme/v1/users/" + ClerkSeed.BANNED_USER_ID;
    List<Future<HttpResponse<Buffer>>> responses = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      responses.add(
          harness
              .client
              .get(harness.roster.publicPort(), "127.0.0.1", path)
              .putHeader("Authorization", "Bearer " + token)
              .send());
    }
    Future.all(responses).await();

    assertThat(responses).allSatisfy(r -> assertThat(r.result().statusCode()).isEqualTo(200));
    assertThat(harness.clerk.requestsTo("/v1/users/" + ClerkSeed.BANNED_USER_ID)).hasSize(1);
  }

  @Test
  void coalescesConcurrentColdListReadsIntoOneFetchPerPage() {
    String token = harness.token(ClerkSeed.ACME_MEMBER_ID, ClerkSeed.ACME_ORG_ID, "org:member");
    List<Future<HttpResponse<Buffer>>> responses = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      responses.add(
          harness
              .client
              .get(harness.roster.publicPort(), "127.0.0.1", "/acme/v1/users")
              .putHeader("Authorization", "Bearer " + token)
              .send());
    }
    Future.all(responses).await();

    assertThat(responses).allSatisfy(r -> assertThat(r.result().statusCode()).isEqualTo(200));
    assertThat(
            harness.clerk.requestsTo(
                "/v1/organizations/" + ClerkSeed.ACME_ORG_ID + "/memberships"))
        .hasSize(1);
    assertThat(harness.clerk.requestsTo("/v1/users")).hasSize(1);
  }

  @Test
  void servesSeenKeysStaleDuringAnOutageAndUnseenKeys503WithRetryAfter() {
    String member = harness.token(ClerkSeed.ACME_MEMBER_ID, ClerkSeed.ACME_ORG_ID, "org:member");
    List<String> seen =
        List.of(
            "/acme/v1/users",
            "/acme/v1/users/" + ClerkSeed.ACME_ADMIN_ID,
            "/acme/v1/users/" + ClerkSeed.ACME_MEMBER_ID);
    seen.forEach(path -> assertThat(harness.get(path, member).statusCode()).isEqualTo(200));
    harness.clerk.faults().add(Fault.status(503));
    harness.time.advance(Duration.ofMinutes(10));

    for (String path : seen) {
      HttpResponse<Buffer> stale = harness.get(path, member);
      assertThat(stale.statusCode()).isEqualTo(200);
      assertThat(stale.getHeader("Cache-Status")).matches("roster; hit; ttl=-\\d+.*");
      assertThat(stale.getHeader("Cache-Control")).isEqualTo("private, max-age=0");
    }
    HttpResponse<Buffer> unseen =
        harness.get(
            "/acme/v1/users/" + ClerkSeed.NO_ORG_USER_ID, self(ClerkSeed.NO_ORG_USER_ID));
    assertThat(unseen.statusCode()).isEqualTo(503);
    assertThat(unseen.getHeader("Retry-After")).matches("\\d+");
    assertThat(unseen.bodyAsJsonObject().getJsonObject("error").getString("code"))
        .isEqualTo("UPSTREAM_UNAVAILABLE");
    assertThat(unseen.bodyAsString()).doesNotContain("internal_clerk_error");
  }

  @Test
  void holdsEveryCallWhileAnUpstream429RetryAfterRuns() {
    harness.clerk.faults().add(Fault.rateLimit(30).times(1));

    HttpResponse<Buffer> limited =
        harness.get("/acme/v1/users/" + ClerkSeed.BANNED_USER_ID, self(ClerkSeed.BANNED_USER_ID));
    int afterFirst = harness.clerk.requestCount();
    HttpResponse<Buffer> held =
        harness.get("/acme/v1/users/" + ClerkSeed.LOCKED_USER_ID, self(ClerkSeed.LOCKED_USER_ID));

    assertThat(limited.statusCode()).isEqualTo(503);
    assertThat(Integer.parseInt(limited.getHeader("Retry-After"))).isBetween(29, 30);
    assertThat(held.statusCode()).isEqualTo(503);
    assertThat(harness.clerk.requestCount()).isEqualTo(afterFirst);

    harness.time.advance(Duration.ofSeconds(31));
    HttpResponse<Buffer> after =
        harness.get("/acme/v1/users/" + ClerkSeed.LOCKED_USER_ID, self(ClerkSeed.LOCKED_USER_ID));
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(harness.clerk.requestCount()).isEqualTo(afterFirst + 1);
  }

  @Test
  void opensTheCircuitAfterFiveFailuresThenLetsOneProbeThrough() {
    harness.clerk.faults().add(Fault.status(500));
    List<String> users =
        List.of(
            ClerkSeed.BANNED_USER_ID,
            ClerkSeed.LOCKED_USER_ID,
            ClerkSeed.NO_LAST_NAME_USER_ID,
            ClerkSeed.PHONE_ONLY_USER_ID,
            ClerkSeed.NO_ORG_USER_ID);
    users.forEach(
        id -> assertThat(harness.get("/acme/v1/users/" + id, self(id)).statusCode()).isEqualTo(503));
    int failures = harness.clerk.requestCount();

    HttpResponse<Buffer> open =
        harness.get(
            "/acme/v1/users/" + ClerkSeed.EMPTY_ORG_ADMIN_ID, self(ClerkSeed.EMPTY_ORG_ADMIN_ID));
    assertThat(open.statusCode()).isEqualTo(503);
    assertThat(Integer.parseInt(open.getHeader("Retry-After"))).isBetween(1, 10);
    assertThat(harness.clerk.requestCount()).isEqualTo(failures);

    harness.clerk.faults().clear();
    harness.time.advance(Duration.ofSeconds(11));
    HttpResponse<Buffer> probe =
        harness.get(
            "/acme/v1/users/" + ClerkSeed.EMPTY_ORG_ADMIN_ID, self(ClerkSeed.EMPTY_ORG_ADMIN_ID));
    assertThat(probe.statusCode()).isEqualTo(200);
    assertThat(harness.clerk.requestCount()).isEqualTo(failures + 1);
    assertThat(harness.get("/acme/v1/users/" + ClerkSeed.BANNED_USER_ID, self(ClerkSeed.BANNED_USER_ID)).statusCode())
        .isEqualTo(200);
  }

  @Test
  void treatsMalformedUpstreamBodiesAsFailuresThatKeepTheLastGoodValue() {
    String token = self(ClerkSeed.BANNED_USER_ID);
    String path = "/acme/v1/users/" + ClerkSeed.BANNED_USER_ID;
    String good = harness.get(path, token).bodyAsString();
    harness.clerk.faults().add(Fault.malformed());
    harness.time.advance(Duration.ofMinutes(10));

    HttpResponse<Buffer> stale = harness.get(path, token);

    assertThat(stale.statusCode()).isEqualTo(200);
    assertThat(stale.bodyAsString()).isEqualTo(good);
    assertThat(stale.getHeader("Cache-Status")).contains("stale-if-error");
  }

  @Test
  void refreshesAStaleEntryInTheBackgroundOnce() {
    String token = self(ClerkSeed.BANNED_USER_ID);
    String path = "/acme/v1/users/" + ClerkSeed.BANNED_USER_ID;
    harness.get(path, token);
    harness.time.advance(Duration.ofSeconds(90));

    HttpResponse<Buffer> stale = harness.get(path, token);

    assertThat(stale.statusCode()).isEqualTo(200);
    assertThat(stale.getHeader("Cache-Status")).isEqualTo("roster; hit; ttl=-30");
    assertThat(harness.clerk.requestsTo("/v1/users/" + ClerkSeed.BANNED_USER_ID).size())
        .isBetween(1, 2);
  }
}
