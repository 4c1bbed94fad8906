package dev.roster.sim.clerk;

import dev.roster.sim.fault.RecordedRequest;
import dev.roster.sim.fault.SimResponse;
import dev.roster.sim.fault.SimulatedApi;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The read operations of Clerk's Backend API that Roster uses, over a {@link ClerkDirectory}. */
final class ClerkApi implements SimulatedApi {
  private static final Pattern USER = Pattern.compile("/v1/users/([^/]+)");
  private static final Pattern MEMBERSHIPS =
      Pattern.compile("/v1/organizations/([^/]+)/memberships");

  private final ClerkDirectory directory;
  private final String secretKey;

  ClerkApi(ClerkDirectory directory, String secretKey) {
    this.directory = directory;
    this.secretKey = secretKey;
  }

  @Override
  public SimResponse handle(RecordedRequest request, Buffer body) {
    if (!("Bearer " + secretKey).equals(request.header("authorization"))) {
      return ClerkErrors.unauthenticated();
    }
    try {
      return route(request);
    } catch (ClerkErrors.InvalidParam e) {
      return e.response;
    }
  }

  @Override
  public SimResponse errorFor(int status) {
    return ClerkErrors.forStatus(status);
  }

  private SimResponse route(RecordedRequest request) {
    String path = request.path();
    boolean get = "GET".equals(request.method());
    Matcher memberships = MEMBERSHIPS.matcher(path);
    Matcher user = USER.matcher(path);
    if (path.equals("/v1/users")) {
      return get ? listUsers(request) : methodNotAllowed();
    } else if (path.equals("/v1/users/count")) {
      return get ? countUsers(request) : methodNotAllowed();
    } else if (user.matches()) {
      return get ? getUser(user.group(1)) : methodNotAllowed();
    } else if (memberships.matches()) {
      return get ? listMemberships(memberships.group(1), request) : methodNotAllowed();
    }
    return ClerkErrors.notFound();
  }

  private SimResponse getUser(String userId) {
    JsonObject user = directory.user(userId);
    return user == null ? ClerkErrors.notFound() : SimResponse.json(200, user);
  }

  private SimResponse listUsers(RecordedRequest request) {
    ClerkListParams params = ClerkListParams.parse(request);
    List<JsonObject> all = directory.users(userFilter(params), params.userOrder());
    return SimResponse.json(200, new JsonArray(params.page(all)));
  }

  private SimResponse countUsers(RecordedRequest request) {
    ClerkListParams params = ClerkListParams.parse(request);
    int count = directory.users(userFilter(params), params.userOrder()).size();
    return SimResponse.json(
        200, new JsonObject().put("object", "total_count").put("total_count", count));
  }

  private java.util.function.Predicate<JsonObject> userFilter(ClerkListParams params) {
    return user -> {
      String id = user.getString("id");
      return params.wantsUser(id)
          && (params.includeOrgs().isEmpty() || memberOfAny(params.includeOrgs(), id))
          && !memberOfAny(params.excludeOrgs(), id);
    };
  }

  private boolean memberOfAny(Set<String> orgIds, String userId) {
    for (String orgId : orgIds) {
      if (directory.isMember(orgId, userId)) {
        return true;
      }
    }
    return false;
  }

  private SimResponse listMemberships(String orgId, RecordedRequest request) {
    ClerkListParams params = ClerkListParams.parse(request);
    JsonObject org = directory.org(orgId);
    List<ClerkDirectory.Membership> all = directory.memberships(orgId);
    if (org == null || all == null) {
      return ClerkErrors.notFound();
    }
    Set<String> roles = Set.copyOf(request.params("role"));
    all.removeIf(m -> !params.wantsUser(m.userId())
        || (!roles.isEmpty() && !roles.contains(m.role())));
    Comparator<ClerkDirectory.Membership> order =
        Comparator.comparingLong(ClerkDirectory.Membership::createdAt);
    if (params.orderBy().startsWith("-")) {
      order = order.reversed();
    }
    all.sort(order.thenComparing(ClerkDirectory.Membership::id));
    JsonArray data = new JsonArray();
    for (ClerkDirectory.Membership m : params.page(all)) {
      data.add(ClerkMembershipMapper.toJson(m, org, directory.user(m.userId())));
    }
    return SimResponse.json(200, new JsonObject().put("data", data).put("total_count", all.size()));
  }

  private static SimResponse methodNotAllowed() {
    return ClerkErrors.of(405, "method_not_allowed", "method not allowed",
        "This method is not allowed on this resource").withHeader("allow", "GET");
  }
}
