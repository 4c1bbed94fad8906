package dev.roster.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserIdsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "user_a",
        "user_2demoAlice0000000000001",
        "3c90c3cc-0d44-4b50-8888-8dd25736052a",
        "3C90C3CC-0D44-4B50-8888-8DD25736052A"
      })
  void acceptsClerkIdsAndUuids(String id) {
    assertThat(UserIds.isValid(id)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "user_",
        "user_abc?",
        "user_abc/def",
        "user_a#b",
        "user_a\r\nX: 1",
        "user_a b",
        "user_é",
        "User_abc",
        "org_abc",
        "3c90c3cc-0d44-4b50-8888-8dd25736052",
        "3c90c3cc-0d44-4b50-8888-8dd25736052az",
        "3c90c3cc00d44-4b50-8888-8dd25736052a",
        "3c90c3cc-0d44-4b50-8888-8dd25736052g",
        "../../v1/jwks"
      })
  void refusesEverythingElse(String id) {
    assertThat(UserIds.isValid(id)).isFalse();
  }

  @org.junit.jupiter.api.Test
  void allowsAtMostSixtyFourCharactersAfterThePrefix() {
    assertThat(UserIds.isValid("user_" + "aZ9".repeat(21) + "x")).isTrue();
    assertThat(UserIds.isValid("user_" + "aZ9".repeat(21) + "xy")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"user_abc", "3c90c3cc-0d44-4b50-8888-8dd25736052a"})
  void routesIdsByShape(String id) {
    assertThat(UserIds.providerOf(id))
        .isEqualTo(id.startsWith("user_") ? Provider.CLERK : Provider.LEXFUL);
  }
}
