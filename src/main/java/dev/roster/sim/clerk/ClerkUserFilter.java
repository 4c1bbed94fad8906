package dev.roster.sim.clerk;

import dev.roster.sim.fault.RecordedRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The documented user filters of {@code GET /v1/users}, {@code /v1/users/count} and an
 * organisation's membership list, other than {@code user_id} and {@code organization_id}
 * ({@link ClerkListParams}): identifiers matched exactly (e-mail addresses and usernames
 * case-insensitively), the {@code *_query} parameters as case-insensitive partial matches,
 * {@code banned}, and the time bounds. Values of one parameter are alternatives; different
 * parameters must all hold. A malformed value throws {@link ClerkErrors.InvalidParam} (422).
 */
final class ClerkUserFilter implements Predicate<JsonObject> {
  private final List<Predicate<JsonObject>> checks = new ArrayList<>();

  /** The filters both operations share; {@code forUserList} adds those only users/count have. */
  static ClerkUserFilter parse(RecordedRequest request, boolean forUserList) {
    ClerkUserFilter filter = new ClerkUserFilter();
    filter.anyOf(request, "email_address", u -> values(u, "email_addresses", "email_address"),
        true);
    filter.anyOf(request, "phone_number", u -> values(u, "phone_numbers", "phone_number"), false);
    filter.anyOf(request, "username", u -> single(u.getString("username")), true);
    filter.anyOf(request, "web3_wallet", u -> values(u, "web3_wallets", "web3_wallet"), false);
    filter.partial(request, "query", ClerkUserFilter::searchable);
    filter.partial(request, "email_address_query",
        u -> values(u, "email_addresses", "email_address"));
    filter.partial(request, "phone_number_query", u -> values(u, "phone_numbers", "phone_number"));
    filter.partial(request, "username_query", u -> single(u.getString("username")));
    filter.partial(request, "name_query", ClerkUserFilter::names);
    filter.bound(request, "last_active_at_before", "last_active_at", true);
    filter.bound(request, "last_active_at_after", "last_active_at", false);
    filter.bound(request, "created_at_before", "created_at", true);
    filter.bound(request, "created_at_after", "created_at", false);
    if (forUserList) {
      ClerkListParams.split(request, "external_id", filter.checks, u -> u.getString("external_id"));
      filter.bound(request, "last_active_at_since", "last_active_at", false);
      filter.bound(request, "last_sign_in_at_before", "last_sign_in_at", true);
      filter.bound(request, "last_sign_in_at_after", "last_sign_in_at", false);
      filter.banned(request);
      filter.provider(request);
    }
    return filter;
  }

  @Override
  public boolean test(JsonObject user) {
    for (Predicate<JsonObject> check : checks) {
      if (!check.test(user)) {
        return false;
      }
    }
    return true;
  }

  private void anyOf(RecordedRequest request, String name,
      java.util.function.Function<JsonObject, List<String>> of, boolean ignoreCase) {
    List<String> wanted = ClerkListParams.values(request, name);
    if (wanted.isEmpty()) {
      return;
    }
    List<String> keys = wanted.stream().map(v -> ignoreCase ? lower(v) : v).toList();
    checks.add(u -> of.apply(u).stream()
        .map(v -> ignoreCase ? lower(v) : v).anyMatch(keys::contains));
  }

  private void partial(RecordedRequest request, String name,
      java.util.function.Function<JsonObject, List<String>> of) {
    String wanted = request.param(name);
    if (wanted == null || wanted.isBlank()) {
      return;
    }
    String needle = lower(wanted.strip());
    checks.add(u -> of.apply(u).stream().anyMatch(v -> lower(v).contains(needle)));
  }

  private void bound(RecordedRequest request, String name, String field, boolean before) {
    String raw = request.param(name);
    if (raw == null) {
      return;
    }
    long limit;
    try {
      limit = Long.parseLong(raw.strip());
    } catch (NumberFormatException e) {
      throw new ClerkErrors.InvalidParam(name, name + " must be an integer (Unix milliseconds)");
    }
    checks.add(u -> {
      Long value = u.getLong(field);
      return value != null && (before ? value < limit : value > limit);
    });
  }

  private void banned(RecordedRequest request) {
    String raw = request.param("banned");
    if (raw == null) {
      return;
    }
    if (!raw.equals("true") && !raw.equals("false")) {
      throw new ClerkErrors.InvalidParam("banned", "banned must be true or false");
    }
    boolean wanted = Boolean.parseBoolean(raw);
    checks.add(u -> u.getBoolean("banned", false) == wanted);
  }

  private void provider(RecordedRequest request) {
    String provider = request.param("provider");
    List<String> ids = ClerkListParams.values(request, "provider_user_id");
    if (provider == null && ids.isEmpty()) {
      return;
    }
    if (provider == null || ids.isEmpty()) {
      throw new ClerkErrors.InvalidParam(provider == null ? "provider" : "provider_user_id",
          "provider and provider_user_id must be given together");
    }
    checks.add(u -> {
      for (Object account : u.getJsonArray("external_accounts", new JsonArray())) {
        if (account instanceof JsonObject a && provider.equals(a.getString("provider"))
            && ids.contains(a.getString("provider_user_id"))) {
          return true;
        }
      }
      return false;
    });
  }

  /** What {@code query} looks through: identifiers, the id and the names. */
  private static List<String> searchable(JsonObject user) {
    List<String> all = new ArrayList<>(values(user, "email_addresses", "email_address"));
    all.addAll(values(user, "phone_numbers", "phone_number"));
    all.addAll(values(user, "web3_wallets", "web3_wallet"));
    all.addAll(single(user.getString("username")));
    all.addAll(single(user.getString("id")));
    all.addAll(names(user));
    return all;
  }

  private static List<String> names(JsonObject user) {
    String first = user.getString("first_name");
    String last = user.getString("last_name");
    List<String> names = new ArrayList<>(single(first));
    names.addAll(single(last));
    if (first != null && last != null) {
      names.add(first + " " + last);
    }
    return names;
  }

  static List<String> values(JsonObject user, String array, String field) {
    List<String> found = new ArrayList<>();
    for (Object item : user.getJsonArray(array, new JsonArray())) {
      if (item instanceof JsonObject o && o.getString(field) != null) {
        found.add(o.getString(field));
      }
    }
    return found;
  }

  private static List<String> single(String value) {
    return value == null ? List.of() : List.of(value);
  }

  private static String lower(String value) {
    return value.toLowerCase(Locale.ROOT);
  }
}
