package dev.roster.lookup;

import dev.roster.auth.Caller;
import dev.roster.cache.CacheEntry;
import dev.roster.cache.CacheOutcome;
import dev.roster.cache.CacheSpace;
import dev.roster.cache.Lookup;
import dev.roster.cache.MissAdmission;
import dev.roster.cache.SharedTier;
import dev.roster.cache.StaleCache;
import dev.roster.config.AppOptions;
import dev.roster.model.Member;
import dev.roster.model.Provider;
import dev.roster.model.User;
import dev.roster.model.UserIds;
import dev.roster.upstream.DirectoryClient;
import dev.roster.upstream.IdCheckedClient;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One app's user directory: the use cases get user, list members and look up ids, answered
 * from the app's cache and its upstreams, with visibility decided per caller at response time
 * (the cache holds each user and each member list once; the caller's view is chosen when
 * answering, so nothing cached for one organisation or role reaches another).
 */
public final class AppDirectory implements DirectoryChanges {
  private final Map<Provider, DirectoryClient> clients;
  private final CacheSpace space;
  private final StaleCache<CachedUser> users;
  private final StaleCache<MemberList> orgs;
  private final VisibilityPolicy policy;
  private final MemberFetch memberFetch;
  private final CallerMissShare missShare;

  /** Without a per-caller share of cache misses (every miss may fetch). */
  public AppDirectory(AppOptions app, Map<Provider, DirectoryClient> clients, CacheSpace space) {
    this(app, clients, space, null);
  }

  /**
   * @param missShare each caller's share of upstream fetches, or null for none
   */
  public AppDirectory(
      AppOptions app,
      Map<Provider, DirectoryClient> clients,
      CacheSpace space,
      CallerMissShare missShare) {
    this(app, clients, space, missShare, null);
  }

  /**
   * @param missShare each caller's share of upstream fetches, or null for none
   * @param shared the cluster's shared level behind the user and org regions (null: none)
   */
  public AppDirectory(
      AppOptions app,
      Map<Provider, DirectoryClient> clients,
      CacheSpace space,
      CallerMissShare missShare,
      SharedTier.Source shared) {
    Map<Provider, DirectoryClient> checked = new EnumMap<>(Provider.class);
    clients.forEach((provider, client) -> checked.put(provider, IdCheckedClient.wrap(client)));
    this.clients = Map.copyOf(checked);
    this.space = space;
    Predicate<CachedUser> notFound = u -> !u.found();
    this.users = space.region("user", CachedUser::weight, notFound,
        shared == null ? null : shared.tier("user", SharedCodecs.USERS, notFound));
    Predicate<MemberList> never = l -> false;
    this.orgs = space.region("org", MemberList::weight, never,
        shared == null ? null : shared.tier("org", SharedCodecs.LISTS, never));
    this.policy = new VisibilityPolicy(app);
    this.memberFetch = new MemberFetch(this.clients, users);
    this.missShare = missShare;
  }

  private MissAdmission admission(Caller caller) {
    return missShare == null ? MissAdmission.ALWAYS : missShare.admissionFor(caller);
  }

  /** The full user, if the caller may see it; fails with {@link UserNotFound} otherwise. */
  public Future<Answer> getUser(Caller caller, String id) {
    DirectoryClient client = clients.get(UserIds.providerOf(id));
    if (client == null) {
      return Future.failedFuture(UserNotFound.INSTANCE);
    }
    if (client.userShowsMembership()) {
      CacheEntry<CachedUser> fresh = users.fresh(id);
      if (fresh != null) {
        return answerFromRecord(caller, id, client, new Lookup<>(fresh, CacheOutcome.HIT));
      }
      if (!mayBeVisible(caller, id)) {
        // Decided before fetching: a record the caller could never see costs no upstream call.
        return Future.failedFuture(UserNotFound.INSTANCE);
      }
      return user(caller, client, id)
          .compose(found -> answerFromRecord(caller, id, client, found));
    }
    boolean needsOrg = policy.needsMembers(caller, id);
    CacheEntry<MemberList> freshOrg = needsOrg ? orgs.fresh(caller.orgId()) : null;
    if (!needsOrg || freshOrg != null) {
      // Fast path: all the answer needs is fresh in the cache, so no future is chained.
      Lookup<MemberList> org = freshOrg == null ? null : new Lookup<>(freshOrg, CacheOutcome.HIT);
      CacheEntry<CachedUser> freshUser = users.fresh(id);
      if (freshUser != null || !visible(caller, id, org)) {
        return answerUser(
            caller, id, org, freshUser == null ? null : new Lookup<>(freshUser, CacheOutcome.HIT));
      }
      return user(caller, client, id).map(found -> answer(caller, id, org, found));
    }
    return members(caller, caller.orgId())
        .compose(
            org ->
                visible(caller, id, org)
                    ? user(caller, client, id).map(found -> answer(caller, id, org, found))
                    : Future.failedFuture(UserNotFound.INSTANCE));
  }

  /**
   * The answer to a user read when all it needs is fresh in the cache and the caller may see
   * the user, else null: nothing is fetched, no failure is decided and nothing is counted unless
   * an answer is returned (a null sends the caller to {@link #getUser}, which decides).
   */
  public Answer freshUser(Caller caller, String id) {
    DirectoryClient client = clients.get(UserIds.providerOf(id));
    if (client == null) {
      return null;
    }
    CacheEntry<CachedUser> user = users.freshUncounted(id);
    if (user == null || !user.value().found()) {
      return null;
    }
    Lookup<CachedUser> found = new Lookup<>(user, CacheOutcome.HIT);
    if (client.userShowsMembership()) {
      boolean member = caller.hasOrg() && client.isMember(user.value().user(), caller.orgId());
      if (!policy.maySee(caller, id, member)) {
        return null;
      }
      users.countHit();
      ResponseBody body =
          policy.seesPrivateMetadata(caller, member)
              ? user.value().adminView()
              : user.value().memberView();
      return Answers.of(body, found, null, space, -1);
    }
    Lookup<MemberList> org = null;
    if (policy.needsMembers(caller, id)) {
      CacheEntry<MemberList> members = orgs.freshUncounted(caller.orgId());
      if (members == null) {
        return null;
      }
      org = new Lookup<>(members, CacheOutcome.HIT);
    }
    if (!visible(caller, id, org)) {
      return null;
    }
    if (org != null) {
      orgs.countHit();
    }
    users.countHit();
    return answer(caller, id, org, found);
  }

  /**
   * The page of the caller's organisation's members when its list is fresh in the cache, else
   * null (counting nothing): the synchronous twin of {@link #listMembers}.
   */
  public Answer freshMembers(Caller caller, int offset, Integer limit) {
    if (!caller.hasOrg()) {
      return null;
    }
    CacheEntry<MemberList> fresh = orgs.fresh(caller.orgId());
    return fresh == null ? null : page(new Lookup<>(fresh, CacheOutcome.HIT), offset, limit);
  }

  /** Visibility decided by the user record itself (Lexful's organisation scopes). */
  private Future<Answer> answerFromRecord(
      Caller caller, String id, DirectoryClient client, Lookup<CachedUser> found) {
    CachedUser cached = found.value();
    if (!cached.found()) {
      return Future.failedFuture(UserNotFound.INSTANCE);
    }
    boolean member = caller.hasOrg() && client.isMember(cached.user(), caller.orgId());
    if (!policy.maySee(caller, id, member)) {
      return Future.failedFuture(UserNotFound.INSTANCE);
    }
    ResponseBody body =
        policy.seesPrivateMetadata(caller, member) ? cached.adminView() : cached.memberView();
    return Future.succeededFuture(Answers.of(body, found, null, space, -1));
  }

  /**
   * Whether a user whose record tells its membership could be visible to the caller at all:
   * not when the caller has no organisation and may only see itself, nor when the caller's
   * organisation's member list is fresh in the cache and does not name the user.
   */
  private boolean mayBeVisible(Caller caller, String id) {
    if (policy.maySee(caller, id, false)) {
      return true;
    }
    if (!caller.hasOrg()) {
      return false;
    }
    CacheEntry<MemberList> org = orgs.fresh(caller.orgId());
    return org == null || org.value().contains(id);
  }

  private boolean visible(Caller caller, String id, Lookup<MemberList> org) {
    return policy.maySee(caller, id, org == null ? null : org.value());
  }

  private Future<Answer> answerUser(
      Caller caller, String id, Lookup<MemberList> org, Lookup<CachedUser> found) {
    if (found == null || !visible(caller, id, org) || !found.value().found()) {
      return Future.failedFuture(UserNotFound.INSTANCE);
    }
    return Future.succeededFuture(answer(caller, id, org, found));
  }

  private Answer answer(
      Caller caller, String id, Lookup<MemberList> org, Lookup<CachedUser> found) {
    CachedUser cached = found.value();
    if (!cached.found()) {
      throw UserNotFound.INSTANCE;
    }
    MemberList list = org == null ? null : org.value();
    boolean admin = policy.seesPrivateMetadata(caller, id, list);
    return Answers.of(admin ? cached.adminView() : cached.memberView(), found, org, space, -1);
  }

  /**
   * The members of the caller's organisation, or the page {@code [offset, offset+limit)} of
   * them ({@code limit} null: to the end). The caller must have an organisation.
   */
  public Future<Answer> listMembers(Caller caller, int offset, Integer limit) {
    Answer fresh = freshMembers(caller, offset, limit);
    if (fresh != null) {
      return Future.succeededFuture(fresh);
    }
    return members(caller, caller.orgId()).map(org -> page(org, offset, limit));
  }

  private Answer page(Lookup<MemberList> org, int offset, Integer limit) {
    MemberList list = org.value();
    int size = list.members().size();
    ResponseBody body;
    if (offset == 0 && (limit == null || limit >= size)) {
      body = list.all();
    } else {
      int from = Math.min(offset, size);
      int to = limit == null ? size : (int) Math.min((long) from + limit, size);
      body = list.page(from, to);
    }
    return Answers.of(body, org, null, space, size);
  }

  /**
   * The members of the caller's organisation among {@code ids}, in the order asked; ids that are
   * not visible are left out. User entries missing from the cache are fetched in one call per
   * upstream.
   */
  public Future<Answer> findMembers(Caller caller, List<String> ids) {
    return members(caller, caller.orgId())
        .compose(
            org -> {
              List<Member> visible = new ArrayList<>();
              for (String id : ids) {
                Member member = org.value().byId().get(id);
                if (member != null) {
                  visible.add(member);
                }
              }
              return memberFetch
                  .fillMissingUsers(visible, admission(caller))
                  .map(fetched -> summaries(org, visible, fetched));
            });
  }

  @Override
  public void userUpserted(User user) {
    users.write(user.id(), CachedUser.of(user));
    orgs.forEach(
        (orgId, list) -> {
          if (list.contains(user.id())) {
            orgs.update(orgId, l -> l.withUser(user));
          }
        });
  }

  /**
   * Leaves a tombstone and takes the user out of every cached member list, fresh or stale, which
   * keeps the rest of each list (and its freshness) as the safety net for an upstream outage.
   * While the tombstone is held no list fetched later brings the user back ({@link MemberFetch}).
   */
  @Override
  public void userDeleted(String userId) {
    users.write(userId, CachedUser.DELETED);
    removeFromLists(userId);
  }

  private void removeFromLists(String userId) {
    orgs.forEach(
        (orgId, list) -> {
          if (list.contains(userId)) {
            orgs.update(orgId, l -> l.without(userId));
          }
        });
  }

  @Override
  public void membersChanged(String orgId) {
    orgs.invalidate(orgId);
  }

  @Override
  public void clear() {
    space.clear();
  }

  /** Evicts one user (an admin purge): the next read asks the upstream again. */
  public void evictUser(String userId) {
    users.invalidate(userId);
  }

  private Answer summaries(Lookup<MemberList> org, List<Member> visible, boolean fetched) {
    List<Member> current = new ArrayList<>(visible.size());
    for (Member member : visible) {
      CacheEntry<CachedUser> entry = users.peek(member.user().id());
      if (entry == null) {
        current.add(member);
      } else if (entry.value().found()) {
        current.add(new Member(entry.value().user(), member.orgId(), member.role()));
      }
    }
    ResponseBody body =
        ResponseBody.once(MemberList.json(org.value().orgId(), current, 0, current.size()));
    Answer answer = Answers.of(body, org, null, space, current.size());
    return fetched ? Answers.fetched(answer) : answer;
  }

  private Future<Lookup<CachedUser>> user(Caller caller, DirectoryClient client, String id) {
    return users.get(
        id,
        refresh ->
            FillLane.fill(refresh, lane -> client.fetchUser(id, lane))
                .map(
                    found -> {
                      if (found.isEmpty()) {
                        // Gone upstream: no cached list may keep listing it.
                        removeFromLists(id);
                        return CachedUser.NOT_FOUND;
                      }
                      return CachedUser.of(found.get());
                    }),
        admission(caller));
  }

  private Future<Lookup<MemberList>> members(Caller caller, String orgId) {
    return orgs.get(
        orgId,
        refresh -> FillLane.fill(refresh, lane -> memberFetch.fetchMembers(orgId, lane)),
        admission(caller));
  }
}
