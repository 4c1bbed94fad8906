package dev.roster.lookup;

import static dev.roster.lookup.DirectoryFixture.await;
import static dev.roster.lookup.DirectoryFixture.fail;
import static dev.roster.lookup.DirectoryFixture.failureOf;
import static dev.roster.lookup.DirectoryFixture.member;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.cache.CacheOutcome;
import dev.roster.model.Provider;
import io.vertx.core.json.JsonArray;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code user.deleted} takes the user out of the cached member lists instead of evicting them:
 * while the upstream fails, the organisation is still served (without the user), and no list,
 * stale or fetched later, brings the user back while its tombstone is held.
 */
class DeletionDuringOutageTest {

  private static List<String> ids(Answer answer) {
    JsonArray array = new JsonArray(answer.body().bytes());
    return array.stream().map(o -> ((io.vertx.core.json.JsonObject) o).getString("id")).toList();
  }

  @Test
  void aDeletionDuringAnOutageKeepsTheRestOfTheOrganisationServed() {
    try (DirectoryFixture f = new DirectoryFixture("", Provider.CLERK)) {
      f.serveClerkOrg("user_alice", "user_bob", "user_carol");
      await(f.directory.listMembers(member("user_alice"), 0, null));
      fail(f.clerk, "/v1/users", 503);
      fail(f.clerk, "/v1/organizations/.*", 503);
      fail(f.clerk, "/v1/users/.*", 503);

      f.directory.userDeleted("user_bob");
      f.time.advance(Duration.ofMinutes(10));
      Answer list = await(f.directory.listMembers(member("user_alice"), 0, null));

      assertThat(ids(list)).containsExactly("user_alice", "user_carol");
      assertThat(list.outcome()).isEqualTo(CacheOutcome.STALE_IF_ERROR);
      assertThat(list.totalCount()).isEqualTo(2);
      assertThat(await(f.directory.getUser(member("user_alice"), "user_carol")).outcome())
          .isEqualTo(CacheOutcome.STALE_IF_ERROR);
      assertThat(failureOf(f.directory.getUser(member("user_alice"), "user_bob")))
          .isSameAs(UserNotFound.INSTANCE);
      assertThat(ids(await(f.directory.findMembers(member("user_alice"), List.of("user_bob")))))
          .isEmpty();
    }
  }

  @Test
  void aListFetchedAfterTheDeletionThatStillNamesTheUserDoesNotBringItBack() {
    try (DirectoryFixture f = new DirectoryFixture("", Provider.CLERK)) {
      f.serveClerkOrg("user_alice", "user_bob");
      await(f.directory.listMembers(member("user_alice"), 0, null));

      f.directory.userDeleted("user_bob");
      // The upstream lags: its list still names the deleted user after the cached one expired.
      f.time.advance(Duration.ofMinutes(10));
      await(f.directory.listMembers(member("user_alice"), 0, null));
      Answer refetched = await(f.directory.listMembers(member("user_alice"), 0, null));

      assertThat(f.clerk.requests("/v1/users")).hasSize(2);
      assertThat(ids(refetched)).containsExactly("user_alice");
      assertThat(failureOf(f.directory.getUser(member("user_alice"), "user_bob")))
          .isSameAs(UserNotFound.INSTANCE);
    }
  }
}
