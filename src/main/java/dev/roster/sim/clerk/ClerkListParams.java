package dev.roster.sim.clerk;

import dev.roster.sim.fault.RecordedRequest;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Validated paging, ordering and id filters of Clerk's list operations. Invalid values throw
 * {@link ClerkErrors.InvalidParam} (Clerk answers those with 422).
 */
record ClerkListParams(
    int limit,
    int offset,
    String orderBy,
    Set<String> includeIds,
    Set<String> excludeIds,
    Set<String> includeOrgs,
    Set<String> excludeOrgs) {
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
    String orderBy = request.param("order_by");
    orderBy = orderBy == null ? "-created_at" : orderBy.strip();
    if (!orderBy.matches("[+-]?(created_at|updated_at)")) {
      throw new ClerkErrors.InvalidParam("order_by", "order_by has an unsupported value");
    }
    Set<String> includeIds = new HashSet<>();
    Set<String> excludeIds = new HashSet<>();
    split(request, "user_id", includeIds, excludeIds);
    Set<String> includeOrgs = new HashSet<>();
    Set<String> excludeOrgs = new HashSet<>();
    split(request, "organization_id", includeOrgs, excludeOrgs);
    return new ClerkListParams(
        limit, offset, orderBy, includeIds, excludeIds, includeOrgs, excludeOrgs);
  }

  /** Creation (or update) time in the asked direction, ties broken by id ascending. */
  Comparator<JsonObject> userOrder() {
    String field = orderBy.replaceFirst("^[+-]", "");
    Comparator<JsonObject> byTime = Comparator.comparingLong(u -> u.getLong(field, 0L));
    if (orderBy.startsWith("-")) {
      byTime = byTime.reversed();
    }
    return byTime.thenComparing(u -> u.getString("id"));
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
    List<String> values = request.params(name);
    if (values.size() > MAX_FILTER_VALUES) {
      throw new ClerkErrors.InvalidParam(name, name + " accepts at most 100 values");
    }
    for (String raw : values) {
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
