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
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The read operations of Clerk's Backend API that Clerk clients use, over a {@link
 * ClerkDirectory}: the JWKS, users (get, list with every documented filter, order and the
 * {@code starting_after} cursor, count), one organisation, and memberships (of an organisation,
 * of a user). Anything else under {@code /v1} is Clerk's 404 envelope; another method on a
 * served path is a 405 with {@code Allow}.
 */
final class ClerkApi implements SimulatedApi {
  private static final Pattern USER = Pattern.compile("/v1/users/([^/]+)");
  private static final Pattern USER_MEMBERSHIPS =
      Pattern.compile("/v1/users/([^/]+)/organization_memberships");
  private static final Pattern ORGANIZATION = Pattern.compile("/v1/organizations/([^/]+)");
  private static final Pattern MEMBERSHIPS =
      Pattern.compile("/v1/organizations/([^/]+)/memberships");

  private final ClerkDirectory directory;
  private final ClerkRequestGate gate;
  private final ClerkMembershipApi memberships;
  private final Supplier<JsonObject> jwks;

  ClerkApi(ClerkDirectory directory, String secretKey, Supplier<JsonObject> jwks) {
    this.directory = directory;
    this.gate = new ClerkRequestGate(secretKey);
    this.memberships = new ClerkMembershipApi(directory);
    this.jwks = jwks;
  }

  @Override
  public SimResponse handle(RecordedRequest request, Buffer body) {
    SimResponse refused = gate.refusal(request);
    if (refused != null) {
      return refused;
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
    Matcher m;
    SimResponse answer;
    if (path.equals("/v1/jwks")) {
      answer = SimResponse.json(200, jwks.get());
    } else if (path.equals("/v1/users")) {
      answer = listUsers(request);
    } else if (path.equals("/v1/users/count")) {
      answer = countUsers(request);
    } else if ((m = USER_MEMBERSHIPS.matcher(path)).matches()) {
      answer = memberships.ofUser(m.group(1), request);
    } else if ((m = USER.matcher(path)).matches()) {
      answer = getUser(m.group(1));
    } else if ((m = MEMBERSHIPS.matcher(path)).matches()) {
      answer = memberships.ofOrganization(m.group(1), request);
    } else if ((m = ORGANIZATION.matcher(path)).matches()) {
      answer = memberships.organization(m.group(1), request);
    } else {
      return ClerkErrors.notFound();
    }
    // Computed first so a bad parameter is a 422 whatever the method; only GET is served.
    return "GET".equals(request.method()) ? answer : methodNotAllowed();
  }

  private SimResponse getUser(String userId) {
    JsonObject user = directory.user(userId);
    return user == null ? ClerkErrors.notFound() : SimResponse.json(200, user);
  }

  private SimResponse listUsers(RecordedRequest request) {
    ClerkListParams params = ClerkListParams.parse(request);
    ClerkOrder order = ClerkOrder.parse(request, ClerkOrder.USER_FIELDS, "-created_at");
    Comparator<JsonObject> sort = order.users();
    List<JsonObject> all = directory.users(userFilter(request, params), sort);
    if (params.startingAfter() != null) {
      if (!order.byCreation()) {
        throw new ClerkErrors.InvalidParam("starting_after",
            "starting_after requires ordering by created_at");
      }
      JsonObject cursor = directory.user(params.startingAfter());
      if (cursor == null) {
        throw new ClerkErrors.InvalidParam("starting_after",
            "starting_after must be the id of an existing user");
      }
      all.removeIf(user -> sort.compare(user, cursor) <= 0);
    }
    return SimResponse.json(200, new JsonArray(params.page(all)));
  }

  private SimResponse countUsers(RecordedRequest request) {
    ClerkListParams params = ClerkListParams.parse(request);
    int count = directory.users(userFilter(request, params), (a, b) -> 0).size();
    return SimResponse.json(
        200, new JsonObject().put("object", "total_count").put("total_count", count));
  }

  private Predicate<JsonObject> userFilter(RecordedRequest request, ClerkListParams params) {
    ClerkUserFilter filter = ClerkUserFilter.parse(request, true);
    return user -> {
      String id = user.getString("id");
      return params.wantsUser(id)
          && (params.includeOrgs().isEmpty() || memberOfAny(params.includeOrgs(), id))
          && !memberOfAny(params.excludeOrgs(), id)
          && filter.test(user);
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

  private static SimResponse methodNotAllowed() {
    return ClerkErrors.of(405, "method_not_allowed", "method not allowed",
        "This method is not allowed on this resource").withHeader("allow", "GET");
  }
}
