package dev.roster.sim.clerk;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The Clerk simulator's data: users, organisations and memberships. Thread-safe (tests mutate
 * it while the event loop reads). Stored objects are never mutated in place, so readers may
 * encode them without copying.
 */
final class ClerkDirectory {
  /** One membership of a user in an organisation. */
  record Membership(String id, String orgId, String userId, String role, long createdAt) {}

  private final Map<String, JsonObject> users = new HashMap<>();
  private final Map<String, JsonObject> orgs = new LinkedHashMap<>();
  private final Map<String, Map<String, Membership>> members = new HashMap<>();
  private long nextMembership = 1;

  synchronized void putUser(JsonObject user) {
    users.put(user.getString("id"), user.copy());
  }

  /** Removes a user and its memberships; returns whether it existed. */
  synchronized boolean deleteUser(String userId) {
    members.values().forEach(m -> m.remove(userId));
    return users.remove(userId) != null;
  }

  synchronized void putOrg(JsonObject org) {
    orgs.put(org.getString("id"), org.copy());
    members.computeIfAbsent(org.getString("id"), k -> new LinkedHashMap<>());
  }

  synchronized void addMembership(String orgId, String userId, String role, long createdAt) {
    if (!orgs.containsKey(orgId) || !users.containsKey(userId)) {
      throw new IllegalArgumentException("unknown organisation or user");
    }
    String id = String.format("orgmem_2sim%020d", nextMembership++);
    members.get(orgId).put(userId, new Membership(id, orgId, userId, role, createdAt));
  }

  synchronized boolean removeMembership(String orgId, String userId) {
    Map<String, Membership> m = members.get(orgId);
    return m != null && m.remove(userId) != null;
  }

  synchronized JsonObject user(String userId) {
    return users.get(userId);
  }

  synchronized JsonObject org(String orgId) {
    return orgs.get(orgId);
  }

  /** The organisation with this slug, or null. */
  synchronized JsonObject orgBySlug(String slug) {
    for (JsonObject org : orgs.values()) {
      if (slug.equals(org.getString("slug"))) {
        return org;
      }
    }
    return null;
  }

  /** A user's memberships in every organisation (empty for an unknown user). */
  synchronized List<Membership> membershipsOf(String userId) {
    List<Membership> found = new ArrayList<>();
    for (Map<String, Membership> org : members.values()) {
      Membership m = org.get(userId);
      if (m != null) {
        found.add(m);
      }
    }
    return found;
  }

  /** Whether the user belongs to the organisation. */
  synchronized boolean isMember(String orgId, String userId) {
    Map<String, Membership> m = members.get(orgId);
    return m != null && m.containsKey(userId);
  }

  /** The users that pass {@code filter}, in {@code order}. */
  synchronized List<JsonObject> users(Predicate<JsonObject> filter, Comparator<JsonObject> order) {
    List<JsonObject> found = new ArrayList<>();
    for (JsonObject user : users.values()) {
      if (filter.test(user)) {
        found.add(user);
      }
    }
    found.sort(order);
    return found;
  }

  /** An organisation's memberships, or null when there is no such organisation. */
  synchronized List<Membership> memberships(String orgId) {
    Map<String, Membership> m = members.get(orgId);
    return m == null ? null : new ArrayList<>(m.values());
  }
}
