package dev.roster.lookup;

import dev.roster.model.EmailAddress;
import dev.roster.model.PhoneNumber;
import dev.roster.model.Provider;
import dev.roster.model.User;
import dev.roster.model.Verification;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link User} to and from Roster's own JSON, for what replicas share (cluster events and the
 * second-level cache): the full shape of SPEC §2.1 with {@code privateMetadata} kept. Round
 * trips exactly; a value that is not such a user fails with {@link IllegalArgumentException}.
 */
public final class UserCodec {
  private UserCodec() {}

  public static JsonObject encode(User user) {
    return UserJsonMapper.full(user, true);
  }

  public static User decode(JsonObject json) {
    try {
      return new User(
          required(json, "id"),
          provider(required(json, "provider")),
          json.getString("firstName"),
          json.getString("lastName"),
          json.getString("username"),
          json.getString("primaryEmailAddressId"),
          email(json.getJsonObject("primaryEmailAddress")),
          emails(json.getJsonArray("emailAddresses")),
          json.getString("primaryPhoneNumberId"),
          phones(json.getJsonArray("phoneNumbers")),
          json.getString("imageUrl"),
          json.getBoolean("hasImage", false),
          json.getString("externalId"),
          object(json, "publicMetadata"),
          object(json, "privateMetadata"),
          object(json, "unsafeMetadata"),
          json.getLong("createdAt", 0L),
          json.getLong("updatedAt", 0L),
          json.getLong("lastSignInAt"),
          json.getBoolean("twoFactorEnabled", false),
          json.getBoolean("banned", false),
          json.getBoolean("locked", false),
          object(json, "providerAttributes"));
    } catch (ClassCastException wrongType) {
      throw new IllegalArgumentException("not a Roster user");
    }
  }

  private static String required(JsonObject json, String key) {
    String value = json.getString(key);
    if (value == null) {
      throw new IllegalArgumentException("not a Roster user: no " + key);
    }
    return value;
  }

  private static Provider provider(String wire) {
    for (Provider p : Provider.values()) {
      if (p.wireName().equals(wire)) {
        return p;
      }
    }
    throw new IllegalArgumentException("not a Roster user: unknown provider");
  }

  private static JsonObject object(JsonObject json, String key) {
    JsonObject value = json.getJsonObject(key);
    return value == null ? new JsonObject() : value;
  }

  private static Verification verification(JsonObject json) {
    return json == null ? null : new Verification(json.getString("status"), json.getString("strategy"));
  }

  private static EmailAddress email(JsonObject json) {
    return json == null
        ? null
        : new EmailAddress(json.getString("id"), json.getString("emailAddress"),
            verification(json.getJsonObject("verification")));
  }

  private static List<EmailAddress> emails(JsonArray array) {
    List<EmailAddress> out = new ArrayList<>();
    if (array != null) {
      for (int i = 0; i < array.size(); i++) {
        out.add(email(array.getJsonObject(i)));
      }
    }
    return List.copyOf(out);
  }

  private static List<PhoneNumber> phones(JsonArray array) {
    List<PhoneNumber> out = new ArrayList<>();
    if (array != null) {
      for (int i = 0; i < array.size(); i++) {
        JsonObject p = array.getJsonObject(i);
        out.add(new PhoneNumber(p.getString("id"), p.getString("phoneNumber"),
            verification(p.getJsonObject("verification"))));
      }
    }
    return List.copyOf(out);
  }
}
