package dev.roster.upstream.lexful;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.model.Member;
import dev.roster.upstream.testing.Fixtures;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LexfulOrgScopePolicyTest {
  private static final String ORG_A = "0b6f1c8e-3d0a-4f0e-9a57-6a1d2b3c4d5e";
  private static final String OTHER_ORG = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";

  @Test
  void aUserIsAMemberOfTheOrganisationsListedInItsScopes() {
    JsonObject ada = Fixtures.object("lexful/user-full.json");

    assertThat(LexfulOrgScopePolicy.isMember(ada, ORG_A)).isTrue();
    assertThat(LexfulOrgScopePolicy.isMember(ada, OTHER_ORG)).isFalse();
  }

  @Test
  void comparesOrganisationIdsVerbatim() {
    JsonObject ada = Fixtures.object("lexful/user-full.json");

    assertThat(LexfulOrgScopePolicy.isMember(ada, ORG_A.toUpperCase())).isFalse();
  }

  @Test
  void aStarStringCoversEveryOrganisation() {
    JsonObject grace = Fixtures.object("lexful/user-all-scopes.json");

    assertThat(LexfulOrgScopePolicy.isMember(grace, OTHER_ORG)).isTrue();
  }

  @Test
  void aStarListElementCoversEveryOrganisation() {
    JsonObject linus = Fixtures.object("lexful/user-star-in-list.json");

    assertThat(LexfulOrgScopePolicy.isMember(linus, OTHER_ORG)).isTrue();
  }

  @Test
  void aUserWithoutScopesOrWithAScopeOfAnotherTypeIsNoMember() {
    JsonObject ada = Fixtures.object("lexful/user-full.json");

    assertThat(LexfulOrgScopePolicy.isMember(ada.copy().putNull("organization_scopes"), ORG_A))
        .isFalse();
    assertThat(LexfulOrgScopePolicy.isMember(ada.copy().put("organization_scopes", 1), ORG_A))
        .isFalse();
    assertThat(LexfulOrgScopePolicy.isMember(ada.copy().put("organization_scopes", ORG_A), ORG_A))
        .isTrue();
  }

  @Test
  void aSoftDeletedUserIsNoMemberEvenWithAStarScope() {
    JsonObject gone = Fixtures.object("lexful/user-deleted.json");

    assertThat(LexfulOrgScopePolicy.isMember(gone, ORG_A)).isFalse();
    assertThat(LexfulOrgScopePolicy.toMember(gone, ORG_A)).isEmpty();
  }

  @Test
  void theMemberCarriesTheUsersLexfulRoleAndTheOrganisationAsked() {
    Optional<Member> member =
        LexfulOrgScopePolicy.toMember(Fixtures.object("lexful/user-star-in-list.json"), OTHER_ORG);

    assertThat(member).isPresent();
    assertThat(member.get().role()).isEqualTo("viewer");
    assertThat(member.get().orgId()).isEqualTo(OTHER_ORG);
    assertThat(member.get().user().id()).isEqualTo("3b5c7d9e-1f20-4b4c-9d6e-7f8091a2b3c4");
  }
}
