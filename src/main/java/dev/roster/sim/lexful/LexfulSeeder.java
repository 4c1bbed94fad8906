package dev.roster.sim.lexful;

import static dev.roster.sim.lexful.LexfulSeed.*;
import static dev.roster.sim.lexful.LexfulUsers.iso;
import static dev.roster.sim.lexful.LexfulUsers.user;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Fills a {@link LexfulDirectory} with the account {@link LexfulSeed} describes. */
final class LexfulSeeder {
  private static final long DAY = 86_400_000L;
  private static final String[] ROLES = {"viewer", "organization_viewer", "support", "admin"};
  private static final String[] FIRST = {"Amara", "Bruno", "Cleo", "Dmitri", "Elif", "Femi"};
  private static final String[] LAST = {"Lindqvist", "Mbeki", "Novak", "Ortiz", "Park"};

  private LexfulSeeder() {}

  static void seed(LexfulDirectory dir) {
    long t = BASE_CREATED_AT;
    dir.put(user(ADMIN_ID, "ada.admin@lexful-demo.example", "admin", scopes(DEMO_ORG_ID),
        "Ada", "Admin", t).put("external_ids", new JsonObject().put("crm", "crm-0001")));
    dir.put(user(VIEWER_ID, "victor.viewer@lexful-demo.example", "viewer", scopes(DEMO_ORG_ID),
        "Victor", "Viewer", t + DAY));
    dir.put(user(ORG_VIEWER_ID, "olga@lexful-demo.example", "organization_viewer",
        scopes(DEMO_ORG_ID, SECOND_ORG_ID), "Olga", null, t + 2 * DAY));
    dir.put(user(WILDCARD_STRING_USER_ID, "sam.support@lexful-demo.example", "support", "*",
        "Sam", "Support", t + 3 * DAY).put("account_scopes", "*"));
    dir.put(user(WILDCARD_LIST_USER_ID, "wendy@lexful-demo.example", "admin", scopes("*"),
        "Wendy", "Wide", t + 3 * DAY));
    dir.put(user(DELETED_USER_ID, "gone@lexful-demo.example", "viewer", scopes(DEMO_ORG_ID),
        "Gone", "Away", t + 4 * DAY).put("deleted_at", iso(t + 30 * DAY)));
    dir.put(user(SECOND_ORG_USER_ID, "sol@second.example", "viewer", scopes(SECOND_ORG_ID),
        "Sol", "Second", t + 5 * DAY));
    dir.put(user(SYSTEM_USER_ID, "system@lexful.example", "system_admin", "*",
        "Lexful", "System", t - DAY));
    for (int i = 0; i < GENERATED; i++) {
      dir.put(generated(i));
    }
  }

  private static JsonObject generated(int i) {
    String id = UUID.nameUUIDFromBytes(("lexful-seed-" + i).getBytes(StandardCharsets.UTF_8))
        .toString();
    Object orgs = switch (i % 4) {
      case 0 -> scopes(DEMO_ORG_ID);
      case 1 -> scopes(SECOND_ORG_ID);
      case 2 -> scopes(SECOND_ORG_ID, THIRD_ORG_ID);
      default -> scopes(THIRD_ORG_ID, DEMO_ORG_ID);
    };
    String first = FIRST[i % FIRST.length];
    String last = i % 13 == 0 ? null : LAST[i % LAST.length];
    // Pairs share a created_at, so ordering must break ties by id.
    long createdAt = BASE_CREATED_AT + 10 * DAY + 60_000L * (i / 2);
    JsonObject user = user(id, (first + "." + i).toLowerCase() + "@lexful-demo.example",
        ROLES[i % ROLES.length], orgs, first, last, createdAt);
    if (i % 3 == 0) {
      user.put("external_ids", new JsonObject().put("crm", "crm-" + (1000 + i)));
    }
    return user;
  }

  private static JsonArray scopes(String... ids) {
    JsonArray array = new JsonArray();
    for (String id : ids) {
      array.add(id);
    }
    return array;
  }
}
