package dev.roster.upstream.clerk;

import dev.roster.model.Member;
import dev.roster.model.User;
import dev.roster.upstream.Lane;
import dev.roster.upstream.UpstreamChannel;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One organisation's member list: the users come from {@code GET /v1/users?organization_id=}
 * (full users, a bare array) and the roles from {@code GET /v1/organizations/{id}/memberships}
 * ({@code {data, total_count}}). Page 0 of both goes out at once; the memberships' total then
 * says how many more pages of each to fetch, all in parallel.
 */
final class ClerkMemberFetch {
  static final int PAGE_SIZE = 500;

  private final UpstreamChannel channel;
  private final ClerkRequests requests;

  ClerkMemberFetch(UpstreamChannel channel, ClerkRequests requests) {
    this.channel = channel;
    this.requests = requests;
  }

  /**
   * The joined members; an unknown organisation (404 on its memberships) has none. Every page
   * draws on the budget's {@code lane}.
   */
  Future<List<Member>> fetch(String orgId, Lane lane) {
    Future<List<User>> firstUsers = users(orgId, 0, lane);
    Future<Optional<MembershipPage>> firstMemberships = memberships(orgId, 0, lane);
    return Future.join(firstUsers, firstMemberships)
        .transform(done -> afterFirstPages(orgId, firstUsers, firstMemberships, lane));
  }

  private Future<List<Member>> afterFirstPages(
      String orgId,
      Future<List<User>> users,
      Future<Optional<MembershipPage>> memberships,
      Lane lane) {
    if (memberships.failed()) {
      return Future.failedFuture(memberships.cause());
    }
    if (memberships.result().isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    if (users.failed()) {
      return Future.failedFuture(users.cause());
    }
    MembershipPage first = memberships.result().get();
    List<Future<List<User>>> userPages = new ArrayList<>();
    List<Future<Optional<MembershipPage>>> membershipPages = new ArrayList<>();
    userPages.add(users);
    membershipPages.add(memberships);
    for (long offset = PAGE_SIZE; offset < first.totalCount(); offset += PAGE_SIZE) {
      userPages.add(users(orgId, offset, lane));
      membershipPages.add(memberships(orgId, offset, lane));
    }
    List<Future<?>> all = new ArrayList<>(userPages);
    all.addAll(membershipPages);
    return Future.all(all).map(done -> join(orgId, userPages, membershipPages));
  }

  /** Joins by user id; a user missing from either side is left out, duplicates collapse. */
  private static List<Member> join(
      String orgId,
      List<Future<List<User>>> userPages,
      List<Future<Optional<MembershipPage>>> membershipPages) {
    Map<String, String> roles = new LinkedHashMap<>();
    for (Future<Optional<MembershipPage>> page : membershipPages) {
      // A later page may 404 if the organisation was deleted meanwhile: it adds nobody.
      for (ClerkMembership m : page.result().map(MembershipPage::memberships).orElse(List.of())) {
        roles.putIfAbsent(m.userId(), m.role());
      }
    }
    Map<String, Member> members = new LinkedHashMap<>();
    for (Future<List<User>> page : userPages) {
      for (User user : page.result()) {
        String role = roles.get(user.id());
        if (role != null) {
          members.putIfAbsent(user.id(), new Member(user, orgId, role));
        }
      }
    }
    return List.copyOf(members.values());
  }

  private Future<List<User>> users(String orgId, long offset, Lane lane) {
    String call = "GET /v1/users?organization_id";
    String path =
        "/v1/users?organization_id=" + ClerkRequests.encode(orgId)
            + "&limit=" + PAGE_SIZE + "&offset=" + offset;
    return channel.exchange(
        requests.get(path),
        ClerkWire.JSON.decoder(
            call, r -> ClerkClient.usersOf(ClerkWire.JSON.array(r, "user list")), List::of),
        lane);
  }

  private Future<Optional<MembershipPage>> memberships(String orgId, long offset, Lane lane) {
    String call = "GET /v1/organizations/{id}/memberships";
    String path =
        "/v1/organizations/" + ClerkRequests.encode(orgId)
            + "/memberships?limit=" + PAGE_SIZE + "&offset=" + offset;
    return channel.exchange(
        requests.get(path),
        ClerkWire.JSON.decoder(
            call,
            r -> Optional.of(membershipPage(ClerkWire.JSON.object(r, "membership list"))),
            Optional::empty),
        lane);
  }

  private static MembershipPage membershipPage(JsonObject body) {
    String what = "membership list";
    if (body.getValue("data") == null) {
      throw ClerkWire.JSON.malformed(what + " without data");
    }
    JsonArray data = ClerkWire.arrayOrEmpty(body, "data", what);
    long total = ClerkWire.requiredInteger(body, "total_count", what);
    if (total < 0) {
      throw ClerkWire.JSON.malformed(what + " (negative total_count)");
    }
    List<ClerkMembership> memberships = new ArrayList<>(data.size());
    for (int i = 0; i < data.size(); i++) {
      memberships.add(ClerkMembershipMapper.toMembership(ClerkWire.element(data, i, what)));
    }
    return new MembershipPage(memberships, total);
  }

  private record MembershipPage(List<ClerkMembership> memberships, long totalCount) {}
}
