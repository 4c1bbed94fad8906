package dev.roster.lookup;

import static dev.roster.lookup.DirectoryFixture.await;
import static dev.roster.lookup.DirectoryFixture.failureOf;
import static dev.roster.lookup.DirectoryFixture.member;
import static dev.roster.lookup.DirectoryFixture.withoutOrg;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.model.Provider;
import dev.roster.upstream.FailureKind;
import dev.roster.upstream.UpstreamFailure;
import dev.roster.upstream.testing.FakeResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The upstream's ids are checked: an answer to {@code GET /v1/users/A} carrying user B, or a
 * batch answer naming users not asked for, is an upstream failure, neither cached nor served.
 */
class UpstreamIdCheckTest {

  @Test
  void anAnswerCarryingAnotherUserIsAFailureAndIsNotCached() {
    try (DirectoryFixture f = new DirectoryFixture("", Provider.CLERK)) {
      f.clerk.on(
          HttpMethod.GET,
          "/v1/users/user_alice",
          FakeResponse.json(200, DirectoryFixture.clerkUser("user_boss", 1)));

      Throwable failure = failureOf(f.directory.getUser(withoutOrg("user_alice"), "user_alice"));

      assertThat(failure).isInstanceOf(UpstreamFailure.class);
      assertThat(((UpstreamFailure) failure).kind()).isEqualTo(FailureKind.MALFORMED);

      f.serveClerkUser(DirectoryFixture.clerkUser("user_alice", 1));
      f.time.advance(Duration.ofSeconds(2));
      Answer answer = await(f.directory.getUser(withoutOrg("user_alice"), "user_alice"));

      assertThat(answer.body().bytes().toJsonObject().getString("id")).isEqualTo("user_alice");
    }
  }

  @Test
  void aBatchAnswerNamingUsersNotAskedForServesNoneOfThem() {
    try (DirectoryFixture f = new DirectoryFixture("", Provider.CLERK)) {
      f.serveClerkOrg("user_alice", "user_bob");
      await(f.directory.listMembers(member("user_alice"), 0, null));
      f.directory.evictUser("user_bob");
      // The lookup by ids answers a stranger, with private data, for the evicted member.
      f.clerk.on(
          HttpMethod.GET,
          "/v1/users",
          r ->
              io.vertx.core.Future.succeededFuture(
                  r.params("user_id").isEmpty()
                      ? FakeResponse.json(200, new JsonArray())
                      : FakeResponse.json(
                          200,
                          new JsonArray()
                              .add(DirectoryFixture.clerkUser("user_mallory", 5)
                                  .put("first_name", "Mallory")))));

      Answer answer = await(f.directory.findMembers(member("user_alice"), List.of("user_bob")));

      JsonArray found = new JsonArray(answer.body().bytes());
      assertThat(found).hasSize(1);
      assertThat(found.getJsonObject(0).getString("id")).isEqualTo("user_bob");
      assertThat(found.encode()).doesNotContain("Mallory", "user_mallory");
    }
  }
}
