package dev.roster.lookup;

import dev.roster.cache.CacheEntry;
import dev.roster.cache.MissAdmission;
import dev.roster.cache.StaleCache;
import dev.roster.model.Member;
import dev.roster.model.Provider;
import dev.roster.model.User;
import dev.roster.upstream.DirectoryClient;
import dev.roster.upstream.Lane;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fetching members from the app's upstreams: a list fetch merges every upstream and fills the
 * per-user entries of its members, without ever bringing back a user tombstoned after the fetch
 * started.
 */
final class MemberFetch {
  private final Map<Provider, DirectoryClient> clients;
  private final StaleCache<CachedUser> users;

  MemberFetch(Map<Provider, DirectoryClient> clients, StaleCache<CachedUser> users) {
    this.clients = clients;
    this.users = users;
  }

  /**
   * Every member of the organisation across the app's upstreams, sorted, users filled; the
   * calls draw on the budget's {@code lane}.
   */
  Future<MemberList> fetchMembers(String orgId, Lane lane) {
    long startedNanos = users.nowNanos();
    List<Future<List<Member>>> fetches = new ArrayList<>();
    clients.values().forEach(client -> fetches.add(client.fetchMembers(orgId, lane)));
    return Future.all(fetches)
        .map(
            all -> {
              List<Member> kept = new ArrayList<>();
              for (int i = 0; i < all.size(); i++) {
                List<Member> members = all.resultAt(i);
                for (Member member : members) {
                  if (!tombstonedSince(member.user().id(), startedNanos)) {
                    kept.add(member);
                    users.put(member.user().id(), CachedUser.of(member.user()), startedNanos);
                  }
                }
              }
              return MemberList.of(orgId, kept);
            });
  }

  /**
   * Fetches the users of {@code members} that have no cache entry, one call per upstream.
   * Completes with whether anything was fetched.
   */
  Future<Boolean> fillMissingUsers(List<Member> members, MissAdmission admission) {
    Map<Provider, List<String>> missing = new EnumMap<>(Provider.class);
    for (Member member : members) {
      if (users.peek(member.user().id()) == null) {
        missing
            .computeIfAbsent(member.user().provider(), p -> new ArrayList<>())
            .add(member.user().id());
      }
    }
    if (missing.isEmpty()) {
      return Future.succeededFuture(false);
    }
    if (admission.admit() != null) {
      // Over the caller's share: the list's own copies of these users answer instead.
      return Future.succeededFuture(false);
    }
    long startedNanos = users.nowNanos();
    List<Future<?>> fetches = new ArrayList<>();
    missing.forEach(
        (provider, ids) ->
            fetches.add(
                clients
                    .get(provider)
                    .fetchUsers(ids)
                    .onSuccess(found -> store(ids, found, startedNanos))));
    // A failed fill (an outage, an answer naming users not asked for) leaves the list's own
    // copies of these users to answer: the list is what decided they are members.
    return Future.all(fetches).map(true).otherwise(false);
  }

  private void store(List<String> asked, List<User> found, long startedNanos) {
    Set<String> seen = new HashSet<>();
    for (User user : found) {
      seen.add(user.id());
      users.put(user.id(), CachedUser.of(user), startedNanos);
    }
    for (String id : asked) {
      if (!seen.contains(id)) {
        users.put(id, CachedUser.NOT_FOUND, startedNanos);
      }
    }
  }

  /**
   * Whether the user must stay out of a list fetched from {@code startedNanos}: deleted by a
   * pushed event (for as long as the tombstone is held, however stale the upstream's answer),
   * or found missing after the fetch started.
   */
  private boolean tombstonedSince(String userId, long startedNanos) {
    CacheEntry<CachedUser> entry = users.peek(userId);
    if (entry == null || entry.value().found()) {
      return false;
    }
    return entry.value().deleted() || entry.storedAtNanos() >= startedNanos;
  }
}
