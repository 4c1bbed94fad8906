package dev.roster.lookup;

import dev.roster.model.Member;
import dev.roster.model.User;
import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the org region holds: one organisation's members sorted by {@code createdAt} then id
 * (SPEC §2.2: the upstream order is not stable), indexed by id, with the whole list ready-made.
 */
record MemberList(
    String orgId,
    List<Member> members,
    Map<String, Member> byId,
    ResponseBody all,
    PageCache pages) {
  private static final Comparator<Member> ORDER =
      Comparator.comparingLong((Member m) -> m.user().createdAt())
          .thenComparing(m -> m.user().id());

  static MemberList of(String orgId, List<Member> unsorted) {
    Map<String, Member> byId = new HashMap<>();
    for (Member member : unsorted) {
      byId.putIfAbsent(member.user().id(), member);
    }
    List<Member> sorted = new ArrayList<>(byId.values());
    sorted.sort(ORDER);
    ResponseBody all = encode(orgId, sorted, 0, sorted.size());
    // Pages together may hold as much again as the whole list (each with its compressed forms).
    PageCache pages = new PageCache(2L * all.bytes().length() + 4096);
    return new MemberList(orgId, List.copyOf(sorted), Map.copyOf(byId), all, pages);
  }

  /** The cached body of {@code members[from, to)}, made on the first ask. */
  ResponseBody page(int from, int to) {
    return pages.page(from, to, () -> encode(orgId, members, from, to));
  }

  /** The summaries of {@code members[from, to)} as a JSON array body, to be cached. */
  static ResponseBody encode(String orgId, List<Member> members, int from, int to) {
    return ResponseBody.of(json(orgId, members, from, to));
  }

  /** The summaries of {@code members[from, to)} as JSON bytes. */
  static io.vertx.core.buffer.Buffer json(String orgId, List<Member> members, int from, int to) {
    JsonArray array = new JsonArray(new ArrayList<>(Math.max(0, to - from)));
    for (int i = from; i < to; i++) {
      Member m = members.get(i);
      array.add(UserJsonMapper.summary(m.user(), m.role(), orgId));
    }
    return array.toBuffer();
  }

  boolean contains(String userId) {
    return byId.containsKey(userId);
  }

  /** This list with one member's user replaced (a webhook update), re-encoded. */
  MemberList withUser(User user) {
    Member old = byId.get(user.id());
    if (old == null) {
      return this;
    }
    List<Member> changed = new ArrayList<>(members.size());
    for (Member m : members) {
      changed.add(m.user().id().equals(user.id()) ? new Member(user, orgId, old.role()) : m);
    }
    return of(orgId, changed);
  }

  /** This list without one user (a deletion), re-encoded; the same list if it was not there. */
  MemberList without(String userId) {
    if (!byId.containsKey(userId)) {
      return this;
    }
    List<Member> kept = new ArrayList<>(members.size());
    for (Member m : members) {
      if (!m.user().id().equals(userId)) {
        kept.add(m);
      }
    }
    return of(orgId, kept);
  }

  long weight() {
    // The decoded members take about twice the list's JSON; the body counts its own reservation.
    return 256 + all.weight() + 2L * all.bytes().length() + pages.budget();
  }
}
