package dev.roster.sim.clerk;

import dev.roster.sim.fault.RecordedRequest;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Clerk's {@code order_by}: one field of those the operation documents, {@code +} (the default
 * when no sign is given) or {@code -}; of several {@code order_by} parameters only the first
 * counts. Other values are a 422. Ties, and missing values (sorted as the largest, as
 * PostgreSQL does), are broken by id ascending so that pages never overlap.
 */
record ClerkOrder(String field, boolean descending) {
  /** The fields {@code GET /v1/users} documents. */
  static final Set<String> USER_FIELDS = Set.of("created_at", "updated_at", "email_address",
      "web3wallet", "first_name", "last_name", "phone_number", "username", "last_active_at",
      "last_sign_in_at");
  /** The fields an organisation's membership list documents. */
  static final Set<String> MEMBERSHIP_FIELDS = Set.of("phone_number", "email_address",
      "created_at", "first_name", "last_name", "username");

  static ClerkOrder parse(RecordedRequest request, Set<String> allowed, String fallback) {
    List<String> all = request.params("order_by");
    String raw = all.isEmpty() ? fallback : all.get(0).strip();
    // An unencoded "+" arrives decoded as a space, then stripped.
    boolean descending = raw.startsWith("-");
    String field = raw.startsWith("-") || raw.startsWith("+") ? raw.substring(1) : raw;
    if (!allowed.contains(field)) {
      throw new ClerkErrors.InvalidParam("order_by", "order_by has an unsupported value; use one"
          + " of " + String.join(", ", allowed.stream().sorted().toList()) + ", with + or -");
    }
    return new ClerkOrder(field, descending);
  }

  /** Whether this is one of the {@code created_at} orderings a cursor may use. */
  boolean byCreation() {
    return field.equals("created_at");
  }

  /** The order of users (Clerk User objects). */
  Comparator<JsonObject> users() {
    return by(u -> userValue(u, field), u -> u.getString("id"));
  }

  /** The order of memberships: their own creation time, or a field of their user. */
  Comparator<ClerkDirectory.Membership> memberships(
      Function<String, JsonObject> userOf) {
    return by(m -> field.equals("created_at")
            ? (Comparable<Object>) (Object) m.createdAt()
            : userValue(userOf.apply(m.userId()), field),
        ClerkDirectory.Membership::id);
  }

  private <T> Comparator<T> by(
      Function<T, Comparable<Object>> key, Function<T, String> id) {
    Comparator<Comparable<Object>> values = Comparator.nullsLast(Comparator.naturalOrder());
    Comparator<T> order = Comparator.comparing(key, descending ? values.reversed() : values);
    return order.thenComparing(id);
  }

  @SuppressWarnings("unchecked")
  private static Comparable<Object> userValue(JsonObject user, String field) {
    if (user == null) {
      return null;
    }
    Object value = switch (field) {
      case "email_address" -> primary(user, "email_addresses", "primary_email_address_id",
          "email_address");
      case "phone_number" -> primary(user, "phone_numbers", "primary_phone_number_id",
          "phone_number");
      case "web3wallet" -> primary(user, "web3_wallets", "primary_web3_wallet_id", "web3_wallet");
      default -> user.getValue(field);
    };
    if (value instanceof Number n) {
      return (Comparable<Object>) (Object) n.longValue();
    }
    return (Comparable<Object>) value;
  }

  private static String primary(JsonObject user, String array, String primaryKey, String field) {
    String primaryId = user.getString(primaryKey);
    for (Object item : user.getJsonArray(array, new io.vertx.core.json.JsonArray())) {
      if (item instanceof JsonObject o && primaryId != null && primaryId.equals(o.getString("id"))) {
        return o.getString(field);
      }
    }
    return null;
  }
}
