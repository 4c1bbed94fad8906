package dev.roster.lookup;

import dev.roster.model.EmailAddress;
import dev.roster.model.PhoneNumber;
import dev.roster.model.User;
import dev.roster.model.Verification;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The contract's JSON shapes of a user (SPEC §2.1 full, §2.2 summary), field by field. */
public final class UserJsonMapper {
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private UserJsonMapper() {}

  /** The full user; {@code privateMetadata} is {@code {}} unless {@code withPrivateMetadata}. */
  public static JsonObject full(User user, boolean withPrivateMetadata) {
    return new JsonObject()
        .put("id", user.id())
        .put("provider", user.provider().wireName())
        .put("firstName", user.firstName())
        .put("lastName", user.lastName())
        .put("username", user.username())
        .put("primaryEmailAddressId", user.primaryEmailAddressId())
        .put("primaryEmailAddress", email(user.primaryEmailAddress()))
        .put("emailAddresses", emails(user.emailAddresses()))
        .put("primaryPhoneNumberId", user.primaryPhoneNumberId())
        .put("phoneNumbers", phones(user.phoneNumbers()))
        .put("imageUrl", user.imageUrl())
        .put("hasImage", user.hasImage())
        .put("externalId", user.externalId())
        .put("publicMetadata", user.publicMetadata())
        .put("privateMetadata", withPrivateMetadata ? user.privateMetadata() : new JsonObject())
        .put("unsafeMetadata", user.unsafeMetadata())
        .put("createdAt", user.createdAt())
        .put("updatedAt", user.updatedAt())
        .put("lastSignInAt", user.lastSignInAt())
        .put("twoFactorEnabled", user.twoFactorEnabled())
        .put("banned", user.banned())
        .put("locked", user.locked())
        .put("providerAttributes", user.providerAttributes());
  }

  /** The summary of a member of {@code orgId} holding {@code role}. */
  public static JsonObject summary(User user, String role, String orgId) {
    boolean clerk = user.provider() == dev.roster.model.Provider.CLERK;
    EmailAddress primary = user.primaryEmailAddress();
    return new JsonObject()
        .put("id", user.id())
        .put("firstName", user.firstName())
        .put("lastName", user.lastName())
        .put("email", primary == null ? null : primary.emailAddress())
        .put("profilePictureUrl", user.hasImage() ? user.imageUrl() : null)
        .put("createdAt", iso(user.createdAt()))
        .put("updatedAt", iso(user.updatedAt()))
        .put("clerkId", clerk ? user.id() : null)
        .put("clerkOrgId", clerk ? orgId : null)
        .put("provider", user.provider().wireName())
        .put("role", role)
        .put("orgId", orgId);
  }

  /** Epoch milliseconds as ISO-8601 UTC with millisecond precision and a {@code Z}. */
  public static String iso(long epochMillis) {
    return ISO_MILLIS.format(Instant.ofEpochMilli(epochMillis));
  }

  private static JsonObject email(EmailAddress email) {
    if (email == null) {
      return null;
    }
    return new JsonObject()
        .put("id", email.id())
        .put("emailAddress", email.emailAddress())
        .put("verification", verification(email.verification()));
  }

  private static JsonArray emails(List<EmailAddress> emails) {
    JsonArray array = new JsonArray();
    emails.forEach(e -> array.add(email(e)));
    return array;
  }

  private static JsonArray phones(List<PhoneNumber> phones) {
    JsonArray array = new JsonArray();
    for (PhoneNumber phone : phones) {
      array.add(
          new JsonObject()
              .put("id", phone.id())
              .put("phoneNumber", phone.phoneNumber())
              .put("verification", verification(phone.verification())));
    }
    return array;
  }

  private static JsonObject verification(Verification verification) {
    if (verification == null) {
      return null;
    }
    return new JsonObject()
        .put("status", verification.status())
        .put("strategy", verification.strategy());
  }
}
