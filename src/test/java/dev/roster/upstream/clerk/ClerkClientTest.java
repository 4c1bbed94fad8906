package dev.roster.upstream.clerk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.model.User;
import dev.roster.upstream.FailureKind;
import dev.roster.upstream.UpstreamFailure;
import dev.roster.upstream.testing.FakeResponse;
import dev.roster.upstream.testing.FakeUpstream;
import dev.roster.upstream.testing.Fixtures;
import dev.roster.upstream.testing.RecordedRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClerkClientTest {
  static final String SECRET = ClerkFake.SECRET;
  static final String ORG = "org_2g7np7Hrk0SN6kj5EDMLDaKNL0S";
  static final String USERS = "/v1/users";
  static final String MEMBERSHIPS = "/v1/organizations/" + ORG + "/memberships";
  private static final JsonObject MINIMAL_USER = Fixtures.object("clerk/user-minimal.json");
  private static final JsonObject MEMBERSHIP = Fixtures.object("clerk/membership.json");

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

  static JsonObject user(String id, long createdAt) {
    return MINIMAL_USER.copy().put("id", id).put("created_at", createdAt);
  }

  static JsonObject membership(String userId, String role) {
    return MEMBERSHIP.copy()
        .put("role", role)
        .put("public_user_data", new JsonObject().put("user_id", userId));
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
  void sendsTheSecretKeyAndThePinnedApiVersionOnEveryRequest() throws Exception {
    clerk.on(HttpMethod.GET, USERS + ".*", FakeResponse.json(200, new JsonArray()));
    clerk.on(HttpMethod.GET, USERS + "/.*", FakeResponse.json(200, user("user_a", 1)));
    clerk.on(HttpMethod.GET, MEMBERSHIPS, membershipsAnswer(List.of(), 0));

    await(client.fetchUser("user_a"));
    await(client.fetchMembers(ORG));
    await(client.fetchUsers(List.of("user_a")));

    assertThat(clerk.requests()).hasSize(4);
    assertThat(clerk.requests())
        .allSatisfy(
            r -> {
              assertThat(r.method()).isEqualTo(HttpMethod.GET);
              assertThat(r.header("Authorization")).isEqualTo("Bearer " + SECRET);
              assertThat(r.header("Clerk-API-Version")).isEqualTo("2026-05-12");
            });
  }

  @Test
  void fetchesOneUserByIdAndMapsIt() throws Exception {
    clerk.on(
        HttpMethod.GET, USERS + "/user_2g7np7Hrk0SN6kj5EDMLDaKNL0S",
        FakeResponse.json(200, Fixtures.object("clerk/user-full.json")));

    Optional<User> user = await(client.fetchUser("user_2g7np7Hrk0SN6kj5EDMLDaKNL0S"));

    assertThat(user).contains(ClerkUserMapper.toUser(Fixtures.object("clerk/user-full.json")));
    assertThat(clerk.requests()).singleElement().satisfies(r -> assertThat(r.query()).isNull());
  }

  @Test
  void readsA404AsAnAbsentUser() throws Exception {
    clerk.on(HttpMethod.GET, USERS + "/.*", FakeResponse.json(404, clerkError("resource_not_found")));

    assertThat(await(client.fetchUser("user_missing"))).isEmpty();
  }

  @Test
  void encodesTheUserIdAsOnePathSegment() throws Exception {
    clerk.on(HttpMethod.GET, USERS + "/.*", FakeResponse.json(404, clerkError("resource_not_found")));

    await(client.fetchUser("user a/b?c"));

    assertThat(clerk.requests()).singleElement()
        .satisfies(r -> assertThat(r.path()).isEqualTo("/v1/users/user%20a%2Fb%3Fc"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"not json", "{\"id\": \"user_a\", \"created_at\"", "[]", ""})
  void failsMalformedOnABodyThatIsNotAUserObject(String body) {
    clerk.on(HttpMethod.GET, USERS + "/.*", FakeResponse.raw(200, "application/json", body));

    UpstreamFailure failure = failureOf(client.fetchUser("user_a"));

    assertThat(failure.kind()).isEqualTo(FailureKind.MALFORMED);
  }

  @ParameterizedTest
  @ValueSource(ints = {302, 400, 422})
  void failsRejectedOnRedirectsAndClientErrorsOtherThan404(int status) {
    clerk.on(HttpMethod.GET, USERS + "/.*", FakeResponse.json(status, clerkError("nope")));

    UpstreamFailure failure = failureOf(client.fetchUser("user_a"));

    assertThat(failure.kind()).isEqualTo(FailureKind.REJECTED);
    assertThat(failure.getMessage()).contains(String.valueOf(status)).doesNotContain("nope");
  }

  @Test
  void fetchesSeveralUsersInOneRequestWithRepeatedUserIds() throws Exception {
    clerk.on(
        HttpMethod.GET, USERS,
        FakeResponse.json(200, new JsonArray().add(user("user_b", 2)).add(user("user_a", 1))));

    List<User> users = await(client.fetchUsers(List.of("user_a", "user_b", "user_gone")));

    assertThat(users).extracting(User::id).containsExactlyInAnyOrder("user_a", "user_b");
    RecordedRequest request = clerk.requests().get(0);
    assertThat(clerk.requests()).hasSize(1);
    assertThat(request.params("user_id")).containsExactly("user_a", "user_b", "user_gone");
    assertThat(request.param("limit")).isEqualTo("100");
  }

  @Test
  void refusesMoreThan100IdsWithoutARequest() {
    List<String> ids = IntStream.range(0, 101).mapToObj(i -> "user_" + i).toList();

    assertThatThrownBy(() -> client.fetchUsers(ids).await())
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(client.fetchUsers(List.of()).await()).isEmpty();
    assertThat(clerk.requests()).isEmpty();
  }

  @Test
  void failsMalformedWhenAnElementOfTheUserListIsNotAUser() {
    clerk.on(HttpMethod.GET, USERS, FakeResponse.json(200, new JsonArray().add("user_a")));

    assertThat(failureOf(client.fetchUsers(List.of("user_a"))).kind())
        .isEqualTo(FailureKind.MALFORMED);
  }

  static JsonObject clerkError(String code) {
    return new JsonObject()
        .put("errors", new JsonArray()
            .add(new JsonObject().put("code", code).put("message", code)));
  }

  static FakeResponse membershipsAnswer(List<JsonObject> data, long total) {
    return FakeResponse.json(
        200,
        new JsonObject().put("data", new JsonArray(List.copyOf(data))).put("total_count", total));
  }
}
