package dev.roster.sim.clerk;

import static dev.roster.sim.clerk.ClerkSeed.*;
import static dev.roster.sim.clerk.ClerkVerifications.admin;
import static dev.roster.sim.clerk.ClerkVerifications.oauth;
import static dev.roster.sim.clerk.ClerkVerifications.otp;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Fills a {@link ClerkDirectory} with the data {@link ClerkSeed} names. Deterministic. */
final class ClerkSeeder {
  private static final long DAY = 86_400_000L;
  private static final String[] FIRST = {
    "Ada", "Ben", "Chloe", "Diego", "Emma", "Farah", "Gus", "Hana", "Ivan", "Jade", "Kofi", "Lena"
  };
  private static final String[] LAST = {
    "Moreau", "Nakamura", "Okafor", "Petrov", "Quinn", "Rossi", "Silva", "Tanaka", "Ueda"
  };

  private ClerkSeeder() {}

  static void seed(ClerkDirectory dir) {
    long t = BASE_CREATED_AT;
    dir.putUser(new ClerkUserBuilder(ACME_ADMIN_ID, t).names("Alice", "Anders")
        .username("alice").externalId("ext-alice-001").image().twoFactor()
        .metadata(new JsonObject().put("department", "Engineering"),
            new JsonObject().put("plan", "enterprise").put("seat", "A1"),
            new JsonObject().put("theme", "dark"))
        .email("alice@acme.example", otp("verified", "email_code"))
        .email("alice.anders@personal.example", otp("unverified", "email_code"))
        .phone("+15550100001", otp("verified", "phone_code"))
        .build());
    dir.putUser(new ClerkUserBuilder(ACME_MEMBER_ID, t + DAY).names("Bob", "Baker")
        .neverSignedIn().email("bob@acme.example", admin()).build());
    dir.putUser(new ClerkUserBuilder(BANNED_USER_ID, t + 2 * DAY).names("Carol", "Chen")
        .image().banned()
        .metadata(new JsonObject().put("title", "Designer"), new JsonObject(), new JsonObject())
        .email("carol@acme.example", oauth("google"))
        .phone("+15550100003", admin()).build());
    dir.putUser(new ClerkUserBuilder(LOCKED_USER_ID, t + 3 * DAY).names("Dave", "Dubois")
        .username("dave").locked()
        .metadata(new JsonObject(), new JsonObject().put("note", "locked after attempts"),
            new JsonObject())
        .email("dave@acme.example", oauth("github"))
        .email("dave@old.example", otp("unverified", "email_code")).build());
    dir.putUser(new ClerkUserBuilder(NO_LAST_NAME_USER_ID, t + 4 * DAY).names("Erin", null)
        .email("erin@acme.example", otp("verified", "email_code")).build());
    dir.putUser(new ClerkUserBuilder(PHONE_ONLY_USER_ID, t + 4 * DAY).names("Frank", "Fischer")
        .image().phone("+15550100006", otp("verified", "phone_code"))
        .phone("+15550100060", otp("unverified", "phone_code")).build());
    dir.putUser(new ClerkUserBuilder(NO_ORG_USER_ID, t + 5 * DAY).names("Olive", "Outsider")
        .email("olive@elsewhere.example", otp("verified", "email_code")).build());
    dir.putUser(new ClerkUserBuilder(EMPTY_ORG_ADMIN_ID, t + 6 * DAY).names("Grace", "Gomez")
        .image().email("grace@empty.example", otp("verified", "email_code")).build());
    for (int i = 0; i < BIG_ORG_GENERATED; i++) {
      dir.putUser(bigOrgUser(i));
    }

    dir.putOrg(org(ACME_ORG_ID, "Acme Corp", "acme", t - DAY, ACME_ADMIN_ID, true));
    dir.putOrg(org(BIG_ORG_ID, "BigCo", "bigco", t - DAY, ACME_ADMIN_ID, false));
    dir.putOrg(org(GLOBEX_ORG_ID, "Globex", "globex", t, ACME_MEMBER_ID, false));
    dir.putOrg(org(EMPTY_ORG_ID, "Empty Co", "empty-co", t + 6 * DAY, EMPTY_ORG_ADMIN_ID, false));

    long joined = t + 7 * DAY;
    dir.addMembership(ACME_ORG_ID, ACME_ADMIN_ID, "org:admin", joined);
    dir.addMembership(ACME_ORG_ID, ACME_MEMBER_ID, "org:member", joined + 1_000);
    dir.addMembership(ACME_ORG_ID, BANNED_USER_ID, "org:member", joined + 2_000);
    dir.addMembership(ACME_ORG_ID, LOCKED_USER_ID, "org:member", joined + 3_000);
    dir.addMembership(ACME_ORG_ID, NO_LAST_NAME_USER_ID, "org:member", joined + 4_000);
    dir.addMembership(ACME_ORG_ID, PHONE_ONLY_USER_ID, "org:member", joined + 4_000);
    dir.addMembership(BIG_ORG_ID, ACME_ADMIN_ID, "org:admin", joined);
    for (int i = 0; i < BIG_ORG_GENERATED; i++) {
      dir.addMembership(BIG_ORG_ID, bigOrgUserId(i), "org:member", joined + 60_000L * (i / 2));
    }
    dir.addMembership(GLOBEX_ORG_ID, ACME_MEMBER_ID, "org:admin", joined);
    dir.addMembership(GLOBEX_ORG_ID, BANNED_USER_ID, "org:member", joined + 1_000);
    for (int i = 0; i < 3; i++) {
      dir.addMembership(GLOBEX_ORG_ID, bigOrgUserId(i), "org:member", joined + 2_000 + i);
    }
    dir.addMembership(EMPTY_ORG_ID, EMPTY_ORG_ADMIN_ID, "org:admin", joined);
  }

  private static JsonObject bigOrgUser(int i) {
    // Pairs of users share a created_at, so ordering must break ties by id.
    long createdAt = BASE_CREATED_AT + 10 * DAY + 60_000L * (i / 2);
    String first = FIRST[i % FIRST.length];
    String last = LAST[i % LAST.length];
    ClerkUserBuilder user = new ClerkUserBuilder(bigOrgUserId(i), createdAt).names(first, last);
    if (i % 3 == 0) {
      user.image();
    }
    if (i % 5 == 0) {
      user.metadata(new JsonObject().put("team", "t" + i % 10),
          new JsonObject().put("costCenter", "cc-" + i % 7), new JsonObject());
    }
    if (i % 11 == 0) {
      user.neverSignedIn();
    }
    String email = (first + "." + last + i).toLowerCase() + "@bigco.example";
    user.email(email, i % 4 == 0 ? admin() : otp("verified", "email_code"));
    if (i % 6 == 0) {
      user.phone(String.format("+1555020%04d", i), otp("verified", "phone_code"));
    }
    return user.build();
  }

  private static JsonObject org(
      String id, String name, String slug, long createdAt, String createdBy, boolean image) {
    return new JsonObject()
        .put("object", "organization")
        .put("id", id)
        .put("name", name)
        .put("slug", slug)
        .put("image_url", image
            ? "https://img.clerk.com/eyJ0eXBlIjoicHJveHkiLCJzcmMiOiJvcmdfbG9nbyJ9"
            : "https://img.clerk.com/eyJ0eXBlIjoiZGVmYXVsdCIsInR5cGUiOiJvcmcifQ")
        .put("has_image", image)
        .put("max_allowed_memberships", 0)
        .put("admin_delete_enabled", true)
        .put("public_metadata", new JsonObject())
        .put("private_metadata", new JsonObject())
        .put("created_by", createdBy)
        .put("created_at", createdAt)
        .put("updated_at", createdAt)
        .put("role_set_key", null)
        .put("missing_member_with_elevated_permissions", false)
        .put("pending_invitations_count", 0);
  }

  /** Clerk's default permissions of the two system roles. */
  static JsonArray permissions(String role) {
    if ("org:admin".equals(role)) {
      return new JsonArray().add("org:sys_profile:manage").add("org:sys_profile:delete")
          .add("org:sys_memberships:read").add("org:sys_memberships:manage")
          .add("org:sys_domains:read").add("org:sys_domains:manage");
    }
    return new JsonArray().add("org:sys_memberships:read");
  }
}
