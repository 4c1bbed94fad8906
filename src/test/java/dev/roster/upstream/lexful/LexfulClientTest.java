package dev.roster.upstream.lexful;

import static dev.roster.upstream.lexful.LexfulFake.ACCOUNT;
import static dev.roster.upstream.lexful.LexfulFake.STATIC_TOKEN;
import static dev.roster.upstream.lexful.LexfulFake.user;
import static dev.roster.upstream.lexful.LexfulFake.uuid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.model.User;
import dev.roster.upstream.FailureKind;
import dev.roster.upstream.UpstreamFailure;
import dev.roster.upstream.testing.ArrivalBarrier;
import dev.roster.upstream.testing.FakeResponse;
import dev.roster.upstream.testing.FakeUpstream;
import dev.roster.upstream.testing.Fixtures;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LexfulClientTest {
  static final String USER_PATH = "/v1/users/[^/]+";

  private Vertx vertx;
  private FakeUpstream lexful;
  private LexfulClient client;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    lexful = FakeUpstream.start(vertx).await();
    client = LexfulFake.tokenClient(vertx, lexful);
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.await(10, TimeUnit.SECONDS);
  }

  static UpstreamFailure failureOf(Future<?> future) {
    Throwable cause = future.transform(ar -> Future.succeededFuture(ar.cause())).await();
    assertThat(cause).isInstanceOf(UpstreamFailure.class);
    return (UpstreamFailure) cause;
  }

  @Test
  void sendsTheTokenAndTheAccountIdOnEveryRequest() throws Exception {
    lexful.on(HttpMethod.GET, USER_PATH, r -> Future.succeededFuture(
        FakeResponse.json(200, user(r.path().substring("/v1/users/".length()), "*"))));
    lexful.on(HttpMethod.GET, "/v1/users", FakeResponse.json(200,
        new JsonObject().put("items", List.of()).put("total", 0).put("limit", 1000)));

    await(client.fetchUser(uuid(1)));
    await(client.fetchUsers(List.of(uuid(2), uuid(3))));
    await(client.fetchMembers(uuid(9)));

    assertThat(lexful.requests()).hasSize(4).allSatisfy(r -> {
      assertThat(r.method()).isEqualTo(HttpMethod.GET);
      assertThat(r.header("Authorization")).isEqualTo("Bearer " + STATIC_TOKEN);
      assertThat(r.header("X-Account-ID")).isEqualTo(ACCOUNT);
    });
    assertThat(lexful.requests(LexfulFake.TOKEN_PATH)).isEmpty();
  }

  @Test
  void fetchesAndMapsOneUser() throws Exception {
    JsonObject wire = Fixtures.object("lexful/user-full.json");
    lexful.on(HttpMethod.GET, "/v1/users/" + wire.getString("id"), FakeResponse.json(200, wire));

    Optional<User> user = await(client.fetchUser(wire.getString("id")));

    assertThat(user).contains(LexfulUserMapper.toUser(wire));
  }

  @Test
  void aMissingUserIsAbsent() throws Exception {
    lexful.on(HttpMethod.GET, USER_PATH, FakeResponse.json(404,
        new JsonObject().put("status", 404).put("message", "User not found")));

    assertThat(await(client.fetchUser(uuid(1)))).isEmpty();
  }

  @Test
  void aSoftDeletedUserIsAbsent() throws Exception {
    lexful.on(HttpMethod.GET, USER_PATH,
        FakeResponse.json(200, Fixtures.object("lexful/user-deleted.json")));

    assertThat(await(client.fetchUser(uuid(1)))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"<html>oops</html>", "{\"id\":", "[]", "{\"id\": 7}"})
  void failsMalformedOnABodyThatIsNotAUser(String body) {
    lexful.on(HttpMethod.GET, USER_PATH, FakeResponse.raw(200, "application/json", body));

    assertThat(failureOf(client.fetchUser(uuid(1))).kind()).isEqualTo(FailureKind.MALFORMED);
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 400, 404})
  void failsRejectedOnRedirectsClientErrorsAndA404WithoutLexfulsBody(int status) {
    lexful.on(HttpMethod.GET, USER_PATH, FakeResponse.status(status));

    assertThat(failureOf(client.fetchUser(uuid(1))).kind()).isEqualTo(FailureKind.REJECTED);
  }

  @Test
  void a403IsARefusedToken() {
    lexful.on(HttpMethod.GET, USER_PATH, FakeResponse.status(403));

    assertThat(failureOf(client.fetchUser(uuid(1))).kind())
        .isEqualTo(FailureKind.CREDENTIALS_REFUSED);
  }

  @Test
  void aConfiguredTokenAnswered401IsRefusedWithoutRetry() {
    lexful.on(HttpMethod.GET, USER_PATH, FakeResponse.status(401));

    assertThat(failureOf(client.fetchUser(uuid(1))).kind())
        .isEqualTo(FailureKind.CREDENTIALS_REFUSED);
    assertThat(lexful.requests()).hasSize(1);
  }

  @Test
  void fetchesSeveralUsersInParallelAndLeavesOutAbsentOnes() throws Exception {
    ArrivalBarrier allThree = new ArrivalBarrier(3);
    lexful.on(HttpMethod.GET, USER_PATH, r -> allThree.arrive().map(v -> {
      String id = r.path().substring("/v1/users/".length());
      return id.equals(uuid(2))
          ? FakeResponse.json(404, new JsonObject().put("status", 404).put("message", "gone"))
          : id.equals(uuid(3))
              ? FakeResponse.json(200, Fixtures.object("lexful/user-deleted.json").put("id", id))
              : FakeResponse.json(200, user(id, "*"));
    }));

    List<User> users = await(client.fetchUsers(List.of(uuid(1), uuid(2), uuid(3), uuid(1))));

    assertThat(users).extracting(User::id).containsExactly(uuid(1));
    assertThat(lexful.requests()).hasSize(3);
  }
}
