package dev.roster.sim.lexful;

import dev.roster.sim.fault.RecordedRequest;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Validated parameters of {@code GET /v1/users}; invalid ones throw {@link
 * LexfulErrors.BadParam}.
 */
record LexfulListParams(
    int limit,
    int offset,
    String sort,
    boolean descending,
    boolean includeDeleted,
    boolean includeSystem,
    String email,
    String role,
    String firstName,
    String lastName) {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;
  private static final Set<String> SORTS =
      Set.of("created_at", "updated_at", "email", "first_name", "last_name", "role");

  static LexfulListParams parse(RecordedRequest request) {
    int limit = integer(request, "limit", DEFAULT_LIMIT);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new LexfulErrors.BadParam("limit must be between 1 and 1000");
    }
    int offset = integer(request, "offset", 0);
    if (offset < 0) {
      throw new LexfulErrors.BadParam("offset must not be negative");
    }
    String sort = request.param("sort") == null ? "created_at" : request.param("sort");
    if (!SORTS.contains(sort)) {
      throw new LexfulErrors.BadParam("sort must be one of " + SORTS);
    }
    String order = request.param("order") == null ? "asc" : request.param("order");
    if (!order.equals("asc") && !order.equals("desc")) {
      throw new LexfulErrors.BadParam("order must be asc or desc");
    }
    return new LexfulListParams(limit, offset, sort, order.equals("desc"),
        bool(request, "include_deleted"), bool(request, "include_system"),
        request.param("email"), request.param("role"), request.param("first_name"),
        request.param("last_name"));
  }

  boolean accepts(JsonObject user) {
    return (includeDeleted || !LexfulUsers.isDeleted(user))
        && (includeSystem || !LexfulUsers.isSystem(user))
        && same(email, user.getString("email"))
        && (role == null || role.equals(user.getString("role")))
        && same(firstName, user.getString("first_name"))
        && same(lastName, user.getString("last_name"));
  }

  /** The asked field and direction; nulls last; ties broken by id ascending. */
  Comparator<JsonObject> order() {
    Comparator<String> values = Comparator.nullsLast(Comparator.naturalOrder());
    if (descending) {
      values = Comparator.nullsLast(Comparator.<String>naturalOrder().reversed());
    }
    Comparator<JsonObject> byField = Comparator.comparing(u -> u.getString(sort), values);
    return byField.thenComparing(u -> u.getString("id"));
  }

  <T> List<T> page(List<T> all) {
    int from = Math.min(offset, all.size());
    return all.subList(from, Math.min(all.size(), from + limit));
  }

  /** Parses a boolean query parameter (absent is false). */
  static boolean bool(RecordedRequest request, String name) {
    String value = request.param(name);
    if (value == null || value.equals("false")) {
      return false;
    }
    if (value.equals("true")) {
      return true;
    }
    throw new LexfulErrors.BadParam(name + " must be true or false");
  }

  private static boolean same(String wanted, String actual) {
    return wanted == null || wanted.equalsIgnoreCase(actual);
  }

  private static int integer(RecordedRequest request, String name, int fallback) {
    String value = request.param(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new LexfulErrors.BadParam(name + " must be an integer");
    }
  }
}
