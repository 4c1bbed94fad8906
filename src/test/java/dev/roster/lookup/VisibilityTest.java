package dev.roster.lookup;

import static dev.roster.lookup.DirectoryFixture.admin;
import static dev.roster.lookup.DirectoryFixture.await;
import static dev.roster.lookup.DirectoryFixture.failureOf;
import static dev.roster.lookup.DirectoryFixture.lexfulMember;
import static dev.roster.lookup.DirectoryFixture.member;
import static dev.roster.lookup.DirectoryFixture.uuid;
import static dev.roster.lookup.DirectoryFixture.withoutOrg;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.model.Provider;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Who may read whom (SPEC §3), decided by the use-case layer itself, against recording fakes. */
class VisibilityTest {

  private static JsonObject body(Answer answer) {
    return answer.body().bytes().toJsonObject();
  }

  @Test
  void aMemberSeesItsOrganisationsMembersButNotOthers() {
    try (DirectoryFixture f = new DirectoryFixture("", Provider.CLERK)) {
      f.serveClerkOrg("user_alice", "user_bob");
      f.serveClerkUser(DirectoryFixture.clerkUser("user_bob", 1));
      f.serveClerkUser(DirectoryFixture.clerkUser("user_mallory", 2));

      Answer bob = await(f.directory.getUser(member("user_alice"), "user_bob"));

      assertThat(body(bob).getString("id")).isEqualTo("user_bob");
      assertThat(failureOf(f.directory.getUser(member("user_alice"), "user_mallory")))
          .isSameAs(UserNotFound.INSTANCE);
      assertThat(f.clerk.requests("/v1/users/user_mallory")).isEmpty();
    }
  }

  @Test
  void aCallerWithoutOrganisationSeesOnlyItselfAndFetchesNothingElse() {
    try (DirectoryFixture f = new DirectoryFixture("", Provider.CLERK, Provider.LEXFUL)) {
      f.serveClerkUser(DirectoryFixture.clerkUser("user_alice", 1));

      assertThat(body(await(f.directory.getUser(withoutOrg("user_alice"), "user_alice")))
              .getString("id"))
          .isEqualTo("user_alice");
      assertThat(failureOf(f.directory.getUser(withoutOrg("user_alice"), "user_bob")))
          .isSameAs(UserNotFound.INSTANCE);
      assertThat(failureOf(f.directory.getUser(withoutOrg("user_alice"), uuid(7))))
          .isSameAs(UserNotFound.INSTANCE);
      assertThat(f.clerk.requests("/v1/users/user_bob")).isEmpty();
      assertThat(f.lexful.requests()).isEmpty();
    }
  }

  @Test
  void onlyAnAdminOfTheUsersOrganisationSeesPrivateMetadata() {
    try (DirectoryFixture f = new DirectoryFixture("", Provider.CLERK)) {
      f.serveClerkOrg(
          DirectoryFixture.clerkUser("user_boss_admin", 1),
          DirectoryFixture.clerkUser("user_bob", 2)
              .put("private_metadata", new JsonObject().put("salary", 1)));

      JsonObject asAdmin = body(await(f.directory.getUser(admin("user_boss_admin"), "user_bob")));
      JsonObject asMember = body(await(f.directory.getUser(member("user_bob"), "user_bob")));

      assertThat(asAdmin.getJsonObject("privateMetadata").getInteger("salary")).isEqualTo(1);
      assertThat(asMember.getJsonObject("privateMetadata")).isEmpty();
    }
  }

  @Test
  void authenticatedVisibilityLetsAnyCallerReadAnyUser() {
    try (DirectoryFixture f = new DirectoryFixture("visibility: authenticated", Provider.CLERK)) {
      f.serveClerkUser(DirectoryFixture.clerkUser("user_bob", 1));

      assertThat(body(await(f.directory.getUser(withoutOrg("user_x"), "user_bob"))).getString("id"))
          .isEqualTo("user_bob");
    }
  }

  @Test
  void aLexfulRecordDecidesMembershipAndAFreshListThatLacksTheUserSavesTheFetch() {
    try (DirectoryFixture f = new DirectoryFixture("", Provider.LEXFUL)) {
      f.lexful.on(
          io.vertx.core.http.HttpMethod.GET,
          "/v1/users/" + uuid(1),
          dev.roster.upstream.testing.FakeResponse.json(200, DirectoryFixture.lexfulUser(uuid(1))));

      assertThat(body(await(f.directory.getUser(lexfulMember(uuid(9)), uuid(1)))).getString("id"))
          .isEqualTo(uuid(1));

      f.serveLexfulAccount(uuid(1));
      await(f.directory.listMembers(lexfulMember(uuid(1)), 0, null));
      int before = f.lexful.requests().size();

      assertThat(failureOf(f.directory.getUser(lexfulMember(uuid(1)), uuid(2))))
          .isSameAs(UserNotFound.INSTANCE);
      assertThat(f.lexful.requests()).hasSize(before);
    }
  }
}
