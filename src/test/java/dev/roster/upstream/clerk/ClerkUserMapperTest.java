package dev.roster.upstream.clerk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.model.EmailAddress;
import dev.roster.model.PhoneNumber;
import dev.roster.model.Provider;
import dev.roster.model.User;
import dev.roster.model.Verification;
import dev.roster.upstream.FailureKind;
import dev.roster.upstream.UpstreamFailure;
import dev.roster.upstream.testing.Fixtures;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClerkUserMapperTest {

  @Test
  void mapsEveryFieldOfAFullUser() {
    User user = ClerkUserMapper.toUser(Fixtures.object("clerk/user-full.json"));

    EmailAddress secondary =
        new EmailAddress(
            "idn_secondary",
            "john.old@example.com",
            new Verification("unverified", "email_code"));
    EmailAddress primary =
        new EmailAddress("idn_primary", "john@example.com", new Verification("verified", "admin"));
    assertThat(user.id()).isEqualTo("user_2g7np7Hrk0SN6kj5EDMLDaKNL0S");
    assertThat(user.provider()).isEqualTo(Provider.CLERK);
    assertThat(user.firstName()).isEqualTo("John");
    assertThat(user.lastName()).isEqualTo("Doe");
    assertThat(user.username()).isEqualTo("johndoe");
    assertThat(user.primaryEmailAddressId()).isEqualTo("idn_primary");
    assertThat(user.primaryEmailAddress()).isEqualTo(primary);
    assertThat(user.emailAddresses()).containsExactly(secondary, primary);
    assertThat(user.primaryPhoneNumberId()).isEqualTo("idn_phone");
    assertThat(user.phoneNumbers())
        .containsExactly(
            new PhoneNumber(
                "idn_phone", "+15555550100", new Verification("verified", "phone_code")));
    assertThat(user.imageUrl()).isEqualTo("https://img.clerk.com/xxxxxx");
    assertThat(user.hasImage()).isTrue();
    assertThat(user.externalId()).isEqualTo("crm-4711");
    assertThat(user.publicMetadata()).isEqualTo(new JsonObject().put("department", "engineering"));
    assertThat(user.privateMetadata()).isEqualTo(new JsonObject().put("plan", "gold"));
    assertThat(user.unsafeMetadata()).isEqualTo(new JsonObject().put("theme", "dark"));
    assertThat(user.createdAt()).isEqualTo(1716883200000L);
    assertThat(user.updatedAt()).isEqualTo(1716883500000L);
    assertThat(user.lastSignInAt()).isEqualTo(1716883400000L);
    assertThat(user.twoFactorEnabled()).isTrue();
    assertThat(user.banned()).isTrue();
    assertThat(user.locked()).isTrue();
    assertThat(user.providerAttributes()).isEqualTo(new JsonObject());
  }

  @Test
  void leavesPrimaryEmailNullWhenItsIdIsNotInTheListAndKeepsNullVerifications() {
    User user = ClerkUserMapper.toUser(Fixtures.object("clerk/user-edge-cases.json"));

    assertThat(user.id()).isEqualTo("user_2h8op3Isl1QR7tKu5FGNfaLKEoU");
    assertThat(user.provider()).isEqualTo(Provider.CLERK);
    assertThat(user.firstName()).isNull();
    assertThat(user.lastName()).isNull();
    assertThat(user.username()).isNull();
    assertThat(user.primaryEmailAddressId()).isEqualTo("idn_not_in_list");
    assertThat(user.primaryEmailAddress()).isNull();
    assertThat(user.emailAddresses())
        .containsExactly(new EmailAddress("idn_unverified", "jane@example.com", null));
    assertThat(user.primaryPhoneNumberId()).isNull();
    assertThat(user.phoneNumbers())
        .containsExactly(new PhoneNumber("idn_phone_unverified", "+15555550199", null));
    assertThat(user.imageUrl()).isNull();
    assertThat(user.hasImage()).isFalse();
    assertThat(user.externalId()).isNull();
    assertThat(user.publicMetadata()).isEqualTo(new JsonObject());
    assertThat(user.privateMetadata()).isEqualTo(new JsonObject());
    assertThat(user.unsafeMetadata()).isEqualTo(new JsonObject());
    assertThat(user.createdAt()).isEqualTo(1716883200000L);
    assertThat(user.updatedAt()).isEqualTo(1716883300000L);
    assertThat(user.lastSignInAt()).isNull();
    assertThat(user.twoFactorEnabled()).isFalse();
    assertThat(user.banned()).isFalse();
    assertThat(user.locked()).isFalse();
    assertThat(user.providerAttributes()).isEqualTo(new JsonObject());
  }

  @Test
  void fillsMissingMetadataArraysAndBooleansWithEmptyValues() {
    User user = ClerkUserMapper.toUser(Fixtures.object("clerk/user-minimal.json"));

    assertThat(user)
        .isEqualTo(
            new User(
                "user_minimal1",
                Provider.CLERK,
                null,
                null,
                null,
                null,
                null,
                java.util.List.of(),
                null,
                java.util.List.of(),
                null,
                false,
                null,
                new JsonObject(),
                new JsonObject(),
                new JsonObject(),
                1700000000000L,
                1700000000001L,
                null,
                false,
                false,
                false,
                new JsonObject()));
  }

  @Test
  void mapsTheUserOfAWebhookPayload() {
    User user = ClerkUserMapper.toUser(Fixtures.object("clerk/user-webhook-created.json"));

    assertThat(user.id()).isEqualTo("user_2g7np7Hrk0SN6kj5EDMLDaKNL0S");
    assertThat(user.primaryEmailAddressId()).isEqualTo("idn_2g7np7Hrk0SN6kj5EDMLDaKNL0S");
    assertThat(user.primaryEmailAddress()).isNull();
    assertThat(user.emailAddresses()).isEmpty();
    assertThat(user.firstName()).isEqualTo("John");
    assertThat(user.lastName()).isEqualTo("Doe");
    assertThat(user.imageUrl()).isEqualTo("https://img.clerk.com/xxxxxx");
    assertThat(user.hasImage()).isTrue();
    assertThat(user.privateMetadata()).isEqualTo(new JsonObject());
    assertThat(user.lastSignInAt()).isEqualTo(1716883200000L);
    assertThat(user.createdAt()).isEqualTo(1716883200000L);
  }

  @Test
  void copiesMetadataSoTheWireObjectCanChangeWithoutTouchingTheUser() {
    JsonObject wire = Fixtures.object("clerk/user-full.json");
    User user = ClerkUserMapper.toUser(wire);

    wire.getJsonObject("public_metadata").put("department", "sales");

    assertThat(user.publicMetadata().getString("department")).isEqualTo("engineering");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "clerk/user-malformed-missing-id.json",
        "clerk/user-malformed-name-not-string.json",
        "clerk/user-malformed-timestamp-string.json",
        "clerk/user-malformed-emails-not-array.json",
        "clerk/user-malformed-verification-not-object.json",
        "clerk/user-malformed-banned-not-boolean.json"
      })
  void rejectsMalformedUsersAsMalformed(String fixture) {
    JsonObject wire = Fixtures.object(fixture);

    assertThatThrownBy(() -> ClerkUserMapper.toUser(wire))
        .isInstanceOfSatisfying(
            UpstreamFailure.class, f -> assertThat(f.kind()).isEqualTo(FailureKind.MALFORMED))
        .hasMessageStartingWith("Clerk sent a malformed");
  }

  @Test
  void neverPutsAFieldValueInTheFailureMessage() {
    JsonObject wire = Fixtures.object("clerk/user-malformed-timestamp-string.json");

    assertThatThrownBy(() -> ClerkUserMapper.toUser(wire))
        .hasMessageNotContaining("2024-05-28");
  }
}
