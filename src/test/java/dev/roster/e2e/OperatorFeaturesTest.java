package dev.roster.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.sim.clerk.ClerkSeed;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Webhooks, admin routes, rate limits, CORS and the access log, over real HTTP. */
class OperatorFeaturesTest {
  private final RosterHarness harness = new RosterHarness();
  private final String member =
      harness.token(ClerkSeed.ACME_MEMBER_ID, ClerkSeed.ACME_ORG_ID, "org:member");

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void aSignedUserDeletedWebhookRemovesTheUserFromReadsAndLists() {
    assertThat(harness.get("/acme/v1/users", member).bodyAsJsonArray()).hasSize(6);
    assertThat(harness.get("/acme/v1/users/" + ClerkSeed.LOCKED_USER_ID, member).statusCode())
        .isEqualTo(200);
    harness.clerk.deleteUser(ClerkSeed.LOCKED_USER_ID);

    HttpResponse<Buffer> hook =
        webhook("msg_1", event("user.deleted", new JsonObject().put("id", ClerkSeed.LOCKED_USER_ID).put("deleted", true).put("object", "user")));

    assertThat(hook.statusCode()).isEqualTo(204);
    assertThat(harness.get("/acme/v1/users/" + ClerkSeed.LOCKED_USER_ID, member).statusCode())
        .isEqualTo(404);
    JsonArray list = harness.get("/acme/v1/users", member).bodyAsJsonArray();
    assertThat(list.stream().map(m -> ((JsonObject) m).getString("id")))
        .doesNotContain(ClerkSeed.LOCKED_USER_ID);
  }

  @Test
  void aSignedUserUpdatedWebhookIsServedWithoutAskingTheUpstream() {
    harness.get("/acme/v1/users/" + ClerkSeed.BANNED_USER_ID, member);
    JsonObject changed =
        harness.clerk.user(ClerkSeed.BANNED_USER_ID).copy().put("first_name", "Caroline");
    int before = harness.clerk.requestCount();

    assertThat(webhook("msg_2", event("user.updated", changed)).statusCode()).isEqualTo(204);

    JsonObject user =
        harness.get("/acme/v1/users/" + ClerkSeed.BANNED_USER_ID, member).bodyAsJsonObject();
    assertThat(user.getString("firstName")).isEqualTo("Caroline");
    JsonArray list = harness.get("/acme/v1/users", member).bodyAsJsonArray();
    assertThat(list.stream().map(m -> ((JsonObject) m).getString("firstName")))
        .contains("Caroline");
    assertThat(harness.clerk.requestCount()).isEqualTo(before);
  }

  @Test
  void aForgedWebhookIs401AndChangesNothing() {
    String before = harness.get("/acme/v1/users/" + ClerkSeed.BANNED_USER_ID, member).bodyAsString();
    Buffer body = event("user.deleted", new JsonObject().put("id", ClerkSeed.BANNED_USER_ID));
    HttpResponse<Buffer> forged =
        harness.send(
            HttpMethod.POST,
            harness.roster.publicPort(),
            "/acme/webhooks/clerk",
            null,
            body,
            "svix-id", "msg_3",
            "svix-timestamp", Long.toString(harness.time.epochMillis() / 1000),
            "svix-signature", "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");

    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(forged.bodyAsJsonObject().getJsonObject("error").getString("code"))
        .isEqualTo("UNAUTHORIZED");
    assertThat(harness.get("/acme/v1/users/" + ClerkSeed.BANNED_USER_ID, member).bodyAsString())
        .isEqualTo(before);
  }

  @Test
  void adminPurgesNeedTheTokenAndMakeTheNextReadGoUpstream() {
    String path = "/acme/v1/users/" + ClerkSeed.BANNED_USER_ID;
    harness.get(path, member);
    int admin = harness.roster.adminPort();
    String purge = "/cache/acme/users/" + ClerkSeed.BANNED_USER_ID;

    HttpResponse<Buffer> refused = harness.send(HttpMethod.DELETE, admin, purge, "wrong", null);
    HttpResponse<Buffer> purged =
        harness.send(HttpMethod.DELETE, admin, purge, RosterHarness.ADMIN_TOKEN, null);
    int before = harness.clerk.requestsTo("/v1/users/" + ClerkSeed.BANNED_USER_ID).size();
    HttpResponse<Buffer> reread = harness.get(path, member);

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.bodyAsJsonObject().getJsonObject("error").getString("code"))
        .isEqualTo("UNAUTHORIZED");
    assertThat(purged.statusCode()).isEqualTo(204);
    assertThat(reread.getHeader("Cache-Status")).startsWith("roster; fwd=miss");
    assertThat(harness.clerk.requestsTo("/v1/users/" + ClerkSeed.BANNED_USER_ID))
        .hasSize(before + 1);
    assertThat(
            harness.send(HttpMethod.DELETE, admin, "/cache/acme", RosterHarness.ADMIN_TOKEN, null)
                .statusCode())
        .isEqualTo(204);
    assertThat(
            harness.send(
                    HttpMethod.DELETE,
                    admin,
                    "/cache/acme/orgs/" + ClerkSeed.ACME_ORG_ID,
                    RosterHarness.ADMIN_TOKEN,
                    null)
                .statusCode())
        .isEqualTo(204);
  }

  @Test
  void healthAndMetricsAreOnTheAdminPort() {
    harness.get("/acme/v1/users", member);
    int admin = harness.roster.adminPort();

    assertThat(harness.send(HttpMethod.GET, admin, "/health/live", null, null).statusCode())
        .isEqualTo(200);
    assertThat(harness.send(HttpMethod.GET, admin, "/health/ready", null, null).statusCode())
        .isEqualTo(200);
    String metrics = harness.send(HttpMethod.GET, admin, "/metrics", null, null).bodyAsString();
    assertThat(metrics)
        .contains("roster_requests_total{app=\"acme\",route=\"users\",status=\"200\"}")
        .contains("roster_cache_lookups_total")
        .contains("roster_upstream_requests_total")
        .contains("roster_cache_bytes");
    assertThat(harness.get("/metrics", member).statusCode()).isEqualTo(404);
  }

  @Test
  void aCallerOverItsRateGets429WithRetryAfter() {
    String token = harness.token(ClerkSeed.ACME_MEMBER_ID, ClerkSeed.ACME_ORG_ID, "org:member");
    harness.get("/tight/v1/users", token);
    harness.get("/tight/v1/users", token);

    HttpResponse<Buffer> limited = harness.get("/tight/v1/users", token);

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.getHeader("Retry-After")).isEqualTo("1");
    assertThat(limited.bodyAsJsonObject().getJsonObject("error").getString("code"))
        .isEqualTo("RATE_LIMITED");
    harness.time.advance(Duration.ofSeconds(1));
    assertThat(harness.get("/tight/v1/users", token).statusCode()).isEqualTo(200);
  }

  @Test
  void answersCorsPreflightsWithoutAuthenticationForAllowedOriginsOnly() {
    int port = harness.roster.publicPort();
    HttpResponse<Buffer> allowed =
        harness.send(
            HttpMethod.OPTIONS, port, "/tight/v1/users", null, null,
            "Origin", "http://localhost:3000",
            "Access-Control-Request-Method", "GET",
            "Access-Control-Request-Headers", "authorization");
    HttpResponse<Buffer> other =
        harness.send(
            HttpMethod.OPTIONS, port, "/acme/v1/users", null, null,
            "Origin", "http://localhost:3000",
            "Access-Control-Request-Method", "GET");
    HttpResponse<Buffer> actual =
        harness.get("/tight/v1/users", null, "Origin", "http://localhost:3000");

    assertThat(allowed.statusCode()).isEqualTo(204);
    assertThat(allowed.getHeader("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
    assertThat(allowed.getHeader("Access-Control-Allow-Headers")).contains("authorization");
    assertThat(other.getHeader("Access-Control-Allow-Origin")).isNull();
    assertThat(actual.statusCode()).isEqualTo(401);
    assertThat(actual.getHeader("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
  }

  @Test
  void writesOneJsonAccessLogLinePerRequestWithoutTokensOrEmails() {
    harness.get("/acme/v1/users/" + ClerkSeed.ACME_ADMIN_ID, member, "X-Request-Id", "req-42");
    harness.roster.flushAccessLog();

    String log = harness.accessLog.toString(StandardCharsets.UTF_8);
    JsonObject line =
        log.lines().map(JsonObject::new).filter(l -> "req-42".equals(l.getString("requestId")))
            .findFirst().orElseThrow();
    assertThat(line.getString("app")).isEqualTo("acme");
    assertThat(line.getString("route")).isEqualTo("user");
    assertThat(line.getInteger("status")).isEqualTo(200);
    assertThat(line.getString("cache")).isEqualTo("miss_stored");
    assertThat(line.getInteger("upstreamCalls")).isPositive();
    assertThat(line.getDouble("latencyMs")).isNotNegative();
    assertThat(log).doesNotContain(member).doesNotContain("@acme.example").doesNotContain("sk_test");
  }

  private Buffer event(String type, JsonObject data) {
    return new JsonObject()
        .put("data", data)
        .put("object", "event")
        .put("type", type)
        .put("timestamp", harness.time.epochMillis())
        .put("instance_id", "ins_demo")
        .toBuffer();
  }

  private HttpResponse<Buffer> webhook(String id, Buffer body) {
    String timestamp = Long.toString(harness.time.epochMillis() / 1000);
    return harness.send(
        HttpMethod.POST,
        harness.roster.publicPort(),
        "/acme/webhooks/clerk",
        null,
        body,
        "svix-id", id,
        "svix-timestamp", timestamp,
        "svix-signature", "v1,bogus v1," + sign(id + "." + timestamp + ".", body));
  }

  /** Svix's scheme, computed here independently of the code under test. */
  private static String sign(String prefix, Buffer body) {
    try {
      String secret = RosterHarness.WEBHOOK_SECRET.substring("whsec_".length());
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret), "HmacSHA256"));
      mac.update(prefix.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
