package dev.roster.sim.lexful;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The Lexful simulator's users. Thread-safe; stored objects are never mutated in place, so
 * readers may encode them without copying.
 */
final class LexfulDirectory {
  private final Map<String, JsonObject> users = new HashMap<>();

  synchronized void put(JsonObject user) {
    users.put(user.getString("id"), user.copy());
  }

  synchronized JsonObject get(String id) {
    return users.get(id);
  }

  /** Sets {@code deleted_at}; returns whether the user existed and was not deleted yet. */
  synchronized boolean softDelete(String id, String deletedAt) {
    JsonObject user = users.get(id);
    if (user == null || LexfulUsers.isDeleted(user)) {
      return false;
    }
    users.put(id, user.copy().put("deleted_at", deletedAt).put("updated_at", deletedAt));
    return true;
  }

  synchronized List<JsonObject> find(Predicate<JsonObject> filter, Comparator<JsonObject> order) {
    List<JsonObject> found = new ArrayList<>();
    for (JsonObject user : users.values()) {
      if (filter.test(user)) {
        found.add(user);
      }
    }
    found.sort(order);
    return found;
  }
}
