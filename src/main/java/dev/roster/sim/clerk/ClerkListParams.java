package dev.roster.sim.clerk;

import dev.roster.sim.fault.RecordedRequest;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Validated paging and id filters of Clerk's list operations: {@code limit} (1-500, default
 * 10), {@code offset}, the {@code +}/{@code -} id filters ({@code user_id},
 * {@code organization_id}; at most 100 values each) and the {@code starting_after} cursor.
 * Invalid values throw {@link ClerkErrors.InvalidParam} (Clerk answers those with 422).
 */
record ClerkListParams(
    int limit,
    int offset,
    Set<String> includeIds,
    Set<String> excludeIds,
    Set<String> includeOrgs,
    Set<String> excludeOrgs,
    String startingAfter) {
  static final int DEFAULT_LIMIT = 10;
  static final int MAX_LIMIT = 500;
  static final int MAX_FILTER_VALUES = 100;

  static ClerkListParams parse(RecordedRequest request) {
    int limit = integer(request, "limit", DEFAULT_LIMIT);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ClerkErrors.InvalidParam("limit", "limit must be between 1 and 500");
    }
    int offset = integer(request, "offset", 0);
    if (offset < 0) {
      throw new ClerkErrors.InvalidParam("offset", "offset must be greater or equal to 0");
    }
    Set<String> includeIds = new HashSet<>();
    Set<String> excludeIds = new HashSet<>();
    split(request, "user_id", includeIds, excludeIds);
    Set<String> includeOrgs = new HashSet<>();
    Set<String> excludeOrgs = new HashSet<>();
    split(request, "organization_id", includeOrgs, excludeOrgs);
    String startingAfter = request.param("starting_after");
    if (startingAfter != null && startingAfter.isBlank()) {
      startingAfter = null;
    }
    if (startingAfter != null && offset != 0) {
      throw new ClerkErrors.InvalidParam("starting_after",
          "starting_after cannot be combined with a non-zero offset");
    }
    return new ClerkListParams(
        limit, offset, includeIds, excludeIds, includeOrgs, excludeOrgs, startingAfter);
  }

  /** Whether a user passes the user_id filters. */
  boolean wantsUser(String userId) {
    return (includeIds.isEmpty() || includeIds.contains(userId)) && !excludeIds.contains(userId);
  }

  /** Applies offset and limit. */
  <T> List<T> page(List<T> all) {
    int from = Math.min(offset, all.size());
    return all.subList(from, Math.min(all.size(), from + limit));
  }

  /** Every value of a repeated parameter; more than 100 is a 422, as Clerk documents. */
  static List<String> values(RecordedRequest request, String name) {
    List<String> values = request.params(name);
    if (values.size() > MAX_FILTER_VALUES) {
      throw new ClerkErrors.InvalidParam(name, name + " accepts at most 100 values");
    }
    return values;
  }

  /**
   * Adds to {@code checks} the {@code +}/{@code -} filter {@code name} on the value {@code of}
   * reads from a user (nothing when the parameter is absent).
   */
  static void split(RecordedRequest request, String name, List<Predicate<JsonObject>> checks,
      Function<JsonObject, String> of) {
    Set<String> include = new HashSet<>();
    Set<String> exclude = new HashSet<>();
    split(request, name, include, exclude);
    if (!include.isEmpty()) {
      checks.add(u -> include.contains(of.apply(u)));
    }
    if (!exclude.isEmpty()) {
      checks.add(u -> !exclude.contains(of.apply(u)));
    }
  }

  private static int integer(RecordedRequest request, String name, int fallback) {
    String value = request.param(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new ClerkErrors.InvalidParam(name, name + " must be an integer");
    }
  }

  private static void split(
      RecordedRequest request, String name, Set<String> include, Set<String> exclude) {
    for (String raw : values(request, name)) {
      // A "+" that was not percent-encoded arrives decoded as a space.
      String value = raw.startsWith(" ") ? raw.strip() : raw;
      if (value.startsWith("-")) {
        exclude.add(value.substring(1));
      } else {
        include.add(value.startsWith("+") ? value.substring(1) : value);
      }
    }
  }
}
