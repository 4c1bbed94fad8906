package dev.roster.upstream.clerk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.upstream.FailureKind;
import dev.roster.upstream.UpstreamFailure;
import dev.roster.upstream.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClerkMembershipMapperTest {

  @Test
  void readsUserOrganisationAndRole() {
    ClerkMembership membership =
        ClerkMembershipMapper.toMembership(Fixtures.object("clerk/membership.json"));

    assertThat(membership)
        .isEqualTo(
            new ClerkMembership(
                "user_2h8op3Isl1QR7tKu5FGNfaLKEoU",
                "org_2g7np7Hrk0SN6kj5EDMLDaKNL0S",
                "org:member"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "clerk/membership-malformed-no-user.json",
        "clerk/membership-malformed-role-not-string.json"
      })
  void rejectsMalformedMembershipsAsMalformed(String fixture) {
    assertThatThrownBy(() -> ClerkMembershipMapper.toMembership(Fixtures.object(fixture)))
        .isInstanceOfSatisfying(
            UpstreamFailure.class, f -> assertThat(f.kind()).isEqualTo(FailureKind.MALFORMED));
  }
}
