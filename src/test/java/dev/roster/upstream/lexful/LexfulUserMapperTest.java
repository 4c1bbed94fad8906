package dev.roster.upstream.lexful;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.model.EmailAddress;
import dev.roster.model.Provider;
import dev.roster.model.User;
import dev.roster.upstream.FailureKind;
import dev.roster.upstream.UpstreamFailure;
import dev.roster.upstream.testing.Fixtures;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LexfulUserMapperTest {
  private static final String ACCOUNT = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
  private static final String CREATOR = "9d2e4f6a-8b0c-4d1e-a2f3-b4c5d6e7f809";

  @Test
  void mapsEveryFieldOfALexfulUser() {
    User user = LexfulUserMapper.toUser(Fixtures.object("lexful/user-full.json"));

    EmailAddress email = new EmailAddress(null, "ada@lexful.example", null);
    assertThat(user)
        .isEqualTo(
            new User(
                "7f0c2a52-5a8e-4d7c-9a51-2f4f6f3b9c11",
                Provider.LEXFUL,
                "Ada",
                "Lovelace",
                null,
                null,
                email,
                List.of(email),
                null,
                List.of(),
                null,
                false,
                null,
                new JsonObject(),
                new JsonObject(),
                new JsonObject(),
                1709287200000L,
                1709379015250L,
                null,
                false,
                false,
                false,
                new JsonObject()
                    .put("accountId", ACCOUNT)
                    .put("role", "admin")
                    .put("accountScopes", new JsonArray().add(ACCOUNT))
                    .put(
                        "organizationScopes",
                        new JsonArray()
                            .add("0b6f1c8e-3d0a-4f0e-9a57-6a1d2b3c4d5e")
                            .add("1c7a2d9f-4e1b-4a1f-8b68-7b2e3c4d5e6f"))
                    .put("externalIds", new JsonObject().put("salesforce", "003Dn00000AbCdE"))
                    .put("createdBy", CREATOR)
                    .put("updatedBy", CREATOR)));
  }

  @Test
  void keepsStringScopesAsSentAndReadsOffsetAndZonelessTimestamps() {
    User user = LexfulUserMapper.toUser(Fixtures.object("lexful/user-all-scopes.json"));

    assertThat(user.firstName()).isNull();
    assertThat(user.lastName()).isNull();
    assertThat(user.createdAt()).isEqualTo(1709287200123L);
    assertThat(user.updatedAt()).isEqualTo(1709287200123L);
    assertThat(user.providerAttributes())
        .isEqualTo(
            new JsonObject()
                .put("accountId", ACCOUNT)
                .put("role", "system_admin")
                .put("accountScopes", "*")
                .put("organizationScopes", "*")
                .put("externalIds", new JsonObject())
                .putNull("createdBy")
                .putNull("updatedBy"));
  }

  @Test
  void tellsSoftDeletedUsersApart() {
    assertThat(LexfulUserMapper.isDeleted(Fixtures.object("lexful/user-deleted.json"))).isTrue();
    assertThat(LexfulUserMapper.isDeleted(Fixtures.object("lexful/user-full.json"))).isFalse();
  }

  @Test
  void leavesPrimaryEmailNullWhenTheUserHasNoEmail() {
    JsonObject wire = Fixtures.object("lexful/user-full.json");
    wire.remove("email");

    User user = LexfulUserMapper.toUser(wire);

    assertThat(user.primaryEmailAddress()).isNull();
    assertThat(user.emailAddresses()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "lexful/user-malformed-missing-id.json",
        "lexful/user-malformed-timestamp.json",
        "lexful/user-malformed-epoch-timestamp.json",
        "lexful/user-malformed-email-not-string.json"
      })
  void rejectsMalformedUsersAsMalformed(String fixture) {
    JsonObject wire = Fixtures.object(fixture);

    assertThatThrownBy(() -> LexfulUserMapper.toUser(wire))
        .isInstanceOfSatisfying(
            UpstreamFailure.class, f -> assertThat(f.kind()).isEqualTo(FailureKind.MALFORMED))
        .hasMessageStartingWith("Lexful sent a malformed")
        .hasMessageNotContaining("@lexful.example")
        .hasMessageNotContaining("yesterday");
  }
}
