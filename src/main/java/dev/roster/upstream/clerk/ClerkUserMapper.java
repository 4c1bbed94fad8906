package dev.roster.upstream.clerk;

import static dev.roster.upstream.clerk.ClerkWire.arrayOrEmpty;
import static dev.roster.upstream.clerk.ClerkWire.bool;
import static dev.roster.upstream.clerk.ClerkWire.element;
import static dev.roster.upstream.clerk.ClerkWire.integer;
import static dev.roster.upstream.clerk.ClerkWire.object;
import static dev.roster.upstream.clerk.ClerkWire.objectOrEmpty;
import static dev.roster.upstream.clerk.ClerkWire.requiredInteger;

import dev.roster.model.EmailAddress;
import dev.roster.model.PhoneNumber;
import dev.roster.model.Provider;
import dev.roster.model.User;
import dev.roster.model.Verification;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Maps Clerk's snake_case User object (Backend API and webhook payloads) to {@link User}. */
public final class ClerkUserMapper {
  private static final String USER = "user";
  private static final String EMAIL = "email address";
  private static final String PHONE = "phone number";

  private ClerkUserMapper() {}

  /**
   * Maps one Clerk User object; throws {@link dev.roster.upstream.UpstreamFailure} of kind
   * MALFORMED when required fields are missing or of the wrong type.
   */
  public static User toUser(JsonObject clerkUser) {
    if (clerkUser == null) {
      throw ClerkWire.JSON.malformed(USER + " (not an object)");
    }
    List<EmailAddress> emails = emailAddresses(arrayOrEmpty(clerkUser, "email_addresses", USER));
    String primaryEmailId = ClerkWire.JSON.string(clerkUser, "primary_email_address_id", USER);
    return new User(
        ClerkWire.JSON.requiredString(clerkUser, "id", USER),
        Provider.CLERK,
        ClerkWire.JSON.string(clerkUser, "first_name", USER),
        ClerkWire.JSON.string(clerkUser, "last_name", USER),
        ClerkWire.JSON.string(clerkUser, "username", USER),
        primaryEmailId,
        primaryEmail(emails, primaryEmailId),
        emails,
        ClerkWire.JSON.string(clerkUser, "primary_phone_number_id", USER),
        phoneNumbers(arrayOrEmpty(clerkUser, "phone_numbers", USER)),
        ClerkWire.JSON.string(clerkUser, "image_url", USER),
        bool(clerkUser, "has_image", USER),
        ClerkWire.JSON.string(clerkUser, "external_id", USER),
        objectOrEmpty(clerkUser, "public_metadata", USER),
        objectOrEmpty(clerkUser, "private_metadata", USER),
        objectOrEmpty(clerkUser, "unsafe_metadata", USER),
        requiredInteger(clerkUser, "created_at", USER),
        requiredInteger(clerkUser, "updated_at", USER),
        integer(clerkUser, "last_sign_in_at", USER),
        bool(clerkUser, "two_factor_enabled", USER),
        bool(clerkUser, "banned", USER),
        bool(clerkUser, "locked", USER),
        new JsonObject());
  }

  private static EmailAddress primaryEmail(List<EmailAddress> emails, String primaryId) {
    if (primaryId == null) {
      return null;
    }
    return emails.stream().filter(e -> primaryId.equals(e.id())).findFirst().orElse(null);
  }

  private static List<EmailAddress> emailAddresses(JsonArray wire) {
    List<EmailAddress> emails = new ArrayList<>(wire.size());
    for (int i = 0; i < wire.size(); i++) {
      JsonObject email = element(wire, i, EMAIL);
      emails.add(
          new EmailAddress(
              ClerkWire.JSON.string(email, "id", EMAIL),
              ClerkWire.JSON.requiredString(email, "email_address", EMAIL),
              verification(email, EMAIL)));
    }
    return List.copyOf(emails);
  }

  private static List<PhoneNumber> phoneNumbers(JsonArray wire) {
    List<PhoneNumber> phones = new ArrayList<>(wire.size());
    for (int i = 0; i < wire.size(); i++) {
      JsonObject phone = element(wire, i, PHONE);
      phones.add(
          new PhoneNumber(
              ClerkWire.JSON.string(phone, "id", PHONE),
              ClerkWire.JSON.requiredString(phone, "phone_number", PHONE),
              verification(phone, PHONE)));
    }
    return List.copyOf(phones);
  }

  private static Verification verification(JsonObject owner, String what) {
    JsonObject verification = object(owner, "verification", what);
    if (verification == null) {
      return null;
    }
    String ofWhat = what + " verification";
    return new Verification(
        ClerkWire.JSON.string(verification, "status", ofWhat), ClerkWire.JSON.string(verification, "strategy", ofWhat));
  }
}
