package dev.roster.lookup;

import static dev.roster.lookup.DirectoryFixture.failureOf;
import static dev.roster.lookup.DirectoryFixture.fail;
import static dev.roster.lookup.DirectoryFixture.lexfulMember;
import static dev.roster.lookup.DirectoryFixture.uuid;
import static dev.roster.lookup.DirectoryFixture.withoutOrg;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.model.Provider;
import dev.roster.upstream.UpstreamFailure;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A failing upstream is not hammered: after a failed fetch, a key with nothing cached answers
 * that failure (503 with Retry-After) for a second without a new upstream call, and a merged
 * member list does not refetch the healthy provider's full page on every request.
 */
class FailureBackoffTest {

  @Test
  void aKeyWithNothingCachedRemembersItsFailureForASecond() {
    try (DirectoryFixture f = new DirectoryFixture("", Provider.CLERK)) {
      fail(f.clerk, "/v1/users/user_gone", 500);

      for (int i = 0; i < 20; i++) {
        assertThat(failureOf(f.directory.getUser(withoutOrg("user_gone"), "user_gone")))
            .isInstanceOf(UpstreamFailure.class);
      }
      assertThat(f.clerk.requests("/v1/users/user_gone")).hasSize(1);

      f.time.advance(Duration.ofMillis(1_001));
      failureOf(f.directory.getUser(withoutOrg("user_gone"), "user_gone"));

      assertThat(f.clerk.requests("/v1/users/user_gone")).hasSize(2);
    }
  }

  @Test
  void aMergedListDoesNotRefetchTheHealthyProvidersPageWhileTheOtherFails() {
    try (DirectoryFixture f = new DirectoryFixture("", Provider.CLERK, Provider.LEXFUL)) {
      f.serveLexfulAccount(uuid(1), uuid(2));
      fail(f.clerk, "/v1/users", 500);
      fail(f.clerk, "/v1/organizations/.*", 500);

      for (int i = 0; i < 30; i++) {
        assertThat(failureOf(f.directory.listMembers(lexfulMember(uuid(1)), 0, null)))
            .isInstanceOf(UpstreamFailure.class);
      }

      assertThat(f.lexful.requests("/v1/users")).hasSize(1);
      assertThat(f.clerk.requests("/v1/users")).hasSize(1);
    }
  }
}
