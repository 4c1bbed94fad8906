package dev.roster.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.sim.clerk.ClerkSeed;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The access log over real HTTP: the trace id of a valid {@code traceparent}, the client address
 * behind a trusted proxy, admin purges, and every line written by shutdown without any flush
 * asked for.
 */
class AccessLogFieldsTest {
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private RosterHarness harness;

  @AfterEach
  void stop() {
    harness.close();
  }

  private String member() {
    return harness.token(ClerkSeed.ACME_MEMBER_ID, ClerkSeed.ACME_ORG_ID, "org:member");
  }

  private JsonObject line(String requestId) {
    harness.roster.flushAccessLog();
    return lines().stream()
        .filter(l -> requestId.equals(l.getString("requestId")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no line for " + requestId));
  }

  private List<JsonObject> lines() {
    return harness.accessLog.toString(StandardCharsets.UTF_8).lines().map(JsonObject::new).toList();
  }

  @Test
  void logsTheTraceIdOfAValidTraceparentOnly() {
    harness = new RosterHarness();
    String path = "/acme/v1/users/" + ClerkSeed.ACME_ADMIN_ID;
    harness.get(path, member(), "X-Request-Id", "t-valid",
        "traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01");
    harness.get(path, member(), "X-Request-Id", "t-zero",
        "traceparent", "00-00000000000000000000000000000000-00f067aa0ba902b7-01");
    harness.get(path, member(), "X-Request-Id", "t-upper",
        "traceparent", "00-" + TRACE_ID.toUpperCase() + "-00f067aa0ba902b7-01");
    harness.get(path, member(), "X-Request-Id", "t-none");

    JsonObject valid = line("t-valid");
    assertThat(valid.getString("traceId")).isEqualTo(TRACE_ID);
    assertThat(valid.getString("time"))
        .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    assertThat(java.time.Instant.parse(valid.getString("time")))
        .isBetween(java.time.Instant.now().minusSeconds(600), java.time.Instant.now());
    for (String id : List.of("t-zero", "t-upper", "t-none")) {
      JsonObject line = line(id);
      assertThat(line.containsKey("traceId")).isTrue();
      assertThat(line.getValue("traceId")).as(id).isNull();
    }
  }

  @Test
  void clientIsTheSocketPeerUnlessItIsATrustedProxy() {
    harness = new RosterHarness();
    harness.get("/acme/v1/users", member(), "X-Request-Id", "untrusted",
        "X-Forwarded-For", "203.0.113.9");
    assertThat(line("untrusted").getString("client")).isEqualTo("127.0.0.1");
  }

  @Test
  void clientIsTheFirstUntrustedHopBehindATrustedProxy() {
    harness = new RosterHarness("", "", "trustedProxies: [127.0.0.1, 10.0.0.0/8]");
    harness.get("/acme/v1/users", member(), "X-Request-Id", "proxied",
        "X-Forwarded-For", "198.51.100.7, 203.0.113.9, 10.1.2.3");
    harness.get("/acme/v1/users", member(), "X-Request-Id", "garbage",
        "X-Forwarded-For", "203.0.113.9, not-an-address\"");
    harness.get("/acme/v1/users", member(), "X-Request-Id", "direct");

    assertThat(line("proxied").getString("client")).isEqualTo("203.0.113.9");
    assertThat(line("garbage").getString("client")).isEqualTo("127.0.0.1");
    assertThat(line("direct").getString("client")).isEqualTo("127.0.0.1");
  }

  @Test
  void adminPurgesAreLogged() {
    harness = new RosterHarness();
    harness.send(HttpMethod.DELETE, harness.roster.adminPort(),
        "/cache/acme/users/" + ClerkSeed.ACME_ADMIN_ID, null, null,
        "Authorization", "Bearer " + RosterHarness.ADMIN_TOKEN, "X-Request-Id", "purge-1");
    harness.send(HttpMethod.DELETE, harness.roster.adminPort(), "/cache/acme", null, null,
        "X-Request-Id", "purge-2");

    JsonObject purge = line("purge-1");
    assertThat(purge.getString("route")).isEqualTo("purge_user");
    assertThat(purge.getString("app")).isEqualTo("acme");
    assertThat(purge.getInteger("status")).isEqualTo(204);
    assertThat(purge.getString("method")).isEqualTo("DELETE");
    JsonObject refused = line("purge-2");
    assertThat(refused.getString("route")).isEqualTo("purge_app");
    assertThat(refused.getInteger("status")).isEqualTo(401);
    assertThat(harness.accessLog.toString(StandardCharsets.UTF_8))
        .doesNotContain(RosterHarness.ADMIN_TOKEN);
  }

  @Test
  void everyLineIsWrittenByShutdown() {
    harness = new RosterHarness();
    int requests = 300;
    String token = member();
    for (int i = 0; i < requests; i++) {
      harness.get("/acme/v1/users", token, "X-Request-Id", "bulk-" + i);
    }
    harness.roster.shutdown().await();

    long logged =
        lines().stream().filter(l -> l.getString("requestId").startsWith("bulk-")).count();
    assertThat(logged).isEqualTo(requests);
  }
}
