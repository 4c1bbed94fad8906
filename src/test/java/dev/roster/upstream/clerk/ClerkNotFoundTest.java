package dev.roster.upstream.clerk;

import static dev.roster.upstream.clerk.ClerkClientTest.MEMBERSHIPS;
import static dev.roster.upstream.clerk.ClerkClientTest.USERS;
import static dev.roster.upstream.clerk.ClerkClientTest.await;
import static dev.roster.upstream.clerk.ClerkClientTest.clerkError;
import static dev.roster.upstream.clerk.ClerkClientTest.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.upstream.FailureKind;
import dev.roster.upstream.UpstreamFailure;
import dev.roster.upstream.testing.FakeResponse;
import dev.roster.upstream.testing.FakeUpstream;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Only Clerk's own 404 ({@code errors[0].code == "resource_not_found"}) means "not found"; a 404
 * from anything else at the base URL (a wrong path, a proxy) is a failure, and 401/403 name the
 * refused key.
 */
class ClerkNotFoundTest {
  private Vertx vertx;
  private FakeUpstream clerk;
  private ClerkClient client;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    clerk = FakeUpstream.start(vertx).await();
    client = ClerkFake.client(vertx, clerk);
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "<html>Not Found</html>", "{}", "{\"errors\":[]}",
      "{\"errors\":[{\"code\":\"not_found\"}]}", "{\"message\":\"no route\"}"})
  void a404WithoutClerksEnvelopeIsAFailureNotAnAbsentUser(String body) {
    clerk.on(HttpMethod.GET, USERS + "/.*", FakeResponse.raw(404, "text/html", body));

    UpstreamFailure failure = failureOf(client.fetchUser("user_a"));

    assertThat(failure.kind()).isEqualTo(FailureKind.REJECTED);
    assertThat(failure.getMessage())
        .contains("404", "not-found body", "baseUrl")
        .doesNotContain("Not Found</html>");
  }

  @Test
  void aForeign404OnMembershipsIsAFailureNotAnEmptyOrganisation() {
    clerk.on(HttpMethod.GET, USERS, FakeResponse.json(200, new JsonArray()));
    clerk.on(HttpMethod.GET, MEMBERSHIPS, FakeResponse.status(404));

    assertThat(failureOf(client.fetchMembers(ClerkClientTest.ORG)).kind())
        .isEqualTo(FailureKind.REJECTED);
  }

  @Test
  void clerksOwnNotFoundIsStillAnAbsentUser() throws Exception {
    clerk.on(HttpMethod.GET, USERS + "/.*",
        FakeResponse.json(404, clerkError("resource_not_found").put("clerk_trace_id", "t")));

    assertThat(await(client.fetchUser("user_a"))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 403})
  void a401Or403IsARefusedKey(int status) {
    clerk.on(HttpMethod.GET, USERS + "/.*",
        FakeResponse.json(status, clerkError("authentication_invalid")));

    UpstreamFailure failure = failureOf(client.fetchUser("user_a"));

    assertThat(failure.kind()).isEqualTo(FailureKind.CREDENTIALS_REFUSED);
    assertThat(failure.getMessage()).contains(String.valueOf(status));
  }

  @Test
  void clerkErrorHelperBuildsClerksEnvelope() {
    assertThat(ClerkWire.isNotFoundBody(clerkError("resource_not_found"))).isTrue();
    assertThat(ClerkWire.isNotFoundBody(new JsonObject().put("errors", "x"))).isFalse();
  }
}
