package dev.roster.sim.clerk;

import dev.roster.sim.fault.RecordedRequest;
import dev.roster.sim.fault.SimResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Clerk's organisation reads: one organisation (by id or slug), its memberships, and one
 * user's memberships, each {@code {data, total_count}} list paged by {@code limit} and
 * {@code offset}. The membership list of an unknown organisation, or of an unknown user, is an
 * empty list: the answers the OpenAPI description declares for these operations are 200 and
 * 401/422 (organisation) or 403 (user), never 404.
 */
final class ClerkMembershipApi {
  private final ClerkDirectory directory;

  ClerkMembershipApi(ClerkDirectory directory) {
    this.directory = directory;
  }

  /** {@code GET /v1/organizations/{id_or_slug}}; an unknown one is Clerk's 404. */
  SimResponse organization(String idOrSlug, RecordedRequest request) {
    JsonObject org = directory.org(idOrSlug);
    if (org == null) {
      org = directory.orgBySlug(idOrSlug);
    }
    if (org == null) {
      return ClerkErrors.notFound();
    }
    JsonObject answer = org.copy();
    if (flag(request, "include_members_count")) {
      List<ClerkDirectory.Membership> members = directory.memberships(org.getString("id"));
      answer.put("members_count", members == null ? 0 : members.size());
    }
    flag(request, "include_missing_member_with_elevated_permissions");
    return SimResponse.json(200, answer);
  }

  /** {@code GET /v1/organizations/{id}/memberships} with its filters and order. */
  SimResponse ofOrganization(String orgId, RecordedRequest request) {
    ClerkListParams params = ClerkListParams.parse(request);
    ClerkUserFilter filter = ClerkUserFilter.parse(request, false);
    ClerkOrder order = ClerkOrder.parse(request, ClerkOrder.MEMBERSHIP_FIELDS, "-created_at");
    Set<String> roles = Set.copyOf(ClerkListParams.values(request, "role"));
    JsonObject org = directory.org(orgId);
    List<ClerkDirectory.Membership> all = directory.memberships(orgId);
    if (org == null || all == null) {
      return list(new JsonArray(), 0);
    }
    all.removeIf(m -> !params.wantsUser(m.userId())
        || (!roles.isEmpty() && !roles.contains(m.role()))
        || !filter.test(userOrEmpty(m.userId())));
    all.sort(order.memberships(directory::user));
    JsonArray data = new JsonArray();
    for (ClerkDirectory.Membership m : params.page(all)) {
      data.add(ClerkMembershipMapper.toJson(m, org, directory.user(m.userId())));
    }
    return list(data, all.size());
  }

  /** {@code GET /v1/users/{id}/organization_memberships}, newest first. */
  SimResponse ofUser(String userId, RecordedRequest request) {
    ClerkListParams params = ClerkListParams.parse(request);
    List<ClerkDirectory.Membership> all = directory.membershipsOf(userId);
    all.sort(Comparator.comparingLong(ClerkDirectory.Membership::createdAt).reversed()
        .thenComparing(ClerkDirectory.Membership::id));
    JsonArray data = new JsonArray();
    for (ClerkDirectory.Membership m : params.page(all)) {
      data.add(ClerkMembershipMapper.toJson(m, directory.org(m.orgId()), directory.user(userId)));
    }
    return list(data, all.size());
  }

  private JsonObject userOrEmpty(String userId) {
    JsonObject user = directory.user(userId);
    return user == null ? new JsonObject() : user;
  }

  private static SimResponse list(JsonArray data, int total) {
    return SimResponse.json(200, new JsonObject().put("data", data).put("total_count", total));
  }

  private static boolean flag(RecordedRequest request, String name) {
    String raw = request.param(name);
    if (raw == null) {
      return false;
    }
    if (!raw.equals("true") && !raw.equals("false")) {
      throw new ClerkErrors.InvalidParam(name, name + " must be true or false");
    }
    return raw.equals("true");
  }
}
