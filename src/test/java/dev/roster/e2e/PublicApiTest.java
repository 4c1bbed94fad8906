package dev.roster.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.sim.clerk.ClerkSeed;
import dev.roster.sim.lexful.LexfulSeed;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The public routes over real HTTP with really signed tokens against the simulators. */
class PublicApiTest {
  private static final String ACME = ClerkSeed.ACME_ORG_ID;
  private static RosterHarness harness;

  @BeforeAll
  static void start() {
    harness = new RosterHarness();
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  private static String member() {
    return harness.token(ClerkSeed.ACME_MEMBER_ID, ACME, "org:member");
  }

  private static String admin() {
    return harness.token(ClerkSeed.ACME_ADMIN_ID, ACME, "org:admin");
  }

  @Test
  void memberReadsAColleagueInTheFullShapeWithPrivateMetadataHidden() {
    HttpResponse<Buffer> response =
        harness.get("/acme/v1/users/" + ClerkSeed.ACME_ADMIN_ID, member());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject user = response.bodyAsJsonObject();
    assertThat(user.getString("id")).isEqualTo(ClerkSeed.ACME_ADMIN_ID);
    assertThat(user.getString("provider")).isEqualTo("clerk");
    assertThat(user.fieldNames())
        .containsExactlyInAnyOrder(
            "id", "provider", "firstName", "lastName", "username", "primaryEmailAddressId",
            "primaryEmailAddress", "emailAddresses", "primaryPhoneNumberId", "phoneNumbers",
            "imageUrl", "hasImage", "externalId", "publicMetadata", "privateMetadata",
            "unsafeMetadata", "createdAt", "updatedAt", "lastSignInAt", "twoFactorEnabled",
            "banned", "locked", "providerAttributes");
    assertThat(user.getJsonObject("privateMetadata")).isEqualTo(new JsonObject());
    assertThat(user.getJsonObject("providerAttributes")).isEqualTo(new JsonObject());
    assertThat(response.getHeader("Content-Type")).startsWith("application/json");
    assertThat(response.getHeader("ETag")).startsWith("\"");
    assertThat(response.getHeader("Cache-Control")).startsWith("private, max-age=");
    assertThat(response.getHeader("Cache-Status")).startsWith("roster;");
  }

  @Test
  void orgAdminSeesPrivateMetadataOfAMember() {
    JsonObject asAdmin =
        harness.get("/acme/v1/users/" + ClerkSeed.LOCKED_USER_ID, admin()).bodyAsJsonObject();
    JsonObject asMember =
        harness.get("/acme/v1/users/" + ClerkSeed.LOCKED_USER_ID, member()).bodyAsJsonObject();
    JsonObject upstream = harness.clerk.user(ClerkSeed.LOCKED_USER_ID);

    assertThat(asAdmin.getJsonObject("privateMetadata"))
        .isEqualTo(upstream.getJsonObject("private_metadata"));
    assertThat(asAdmin.getJsonObject("privateMetadata").isEmpty()).isFalse();
    assertThat(asMember.getJsonObject("privateMetadata")).isEqualTo(new JsonObject());
  }

  @Test
  void notVisibleAndNonexistentAreByteIdentical404s() {
    String outsider = harness.token(ClerkSeed.NO_ORG_USER_ID, ClerkSeed.EMPTY_ORG_ID, "org:admin");
    HttpResponse<Buffer> notVisible =
        harness.get("/acme/v1/users/" + ClerkSeed.ACME_MEMBER_ID, outsider);
    HttpResponse<Buffer> missing =
        harness.get("/acme/v1/users/" + ClerkSeed.UNKNOWN_USER_ID, outsider);

    assertThat(notVisible.statusCode()).isEqualTo(404);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(notVisible.body().getBytes()).isEqualTo(missing.body().getBytes());
    assertThat(new java.util.TreeSet<>(notVisible.headers().names()))
        .isEqualTo(new java.util.TreeSet<>(missing.headers().names()));
    assertThat(notVisible.getHeader("Cache-Status")).isEqualTo(missing.getHeader("Cache-Status"));
    assertThat(notVisible.bodyAsJsonObject().getJsonObject("error").getString("code"))
        .isEqualTo("NOT_FOUND");
  }

  @Test
  void aCallerWithoutOrganisationSeesOnlyItself() {
    String loner = harness.token(ClerkSeed.NO_ORG_USER_ID, null, null);

    assertThat(harness.get("/acme/v1/users/" + ClerkSeed.NO_ORG_USER_ID, loner).statusCode())
        .isEqualTo(200);
    assertThat(harness.get("/acme/v1/users/" + ClerkSeed.ACME_MEMBER_ID, loner).statusCode())
        .isEqualTo(404);
    HttpResponse<Buffer> list = harness.get("/acme/v1/users", loner);
    assertThat(list.statusCode()).isEqualTo(400);
    assertThat(list.bodyAsJsonObject().getJsonObject("error").getString("code"))
        .isEqualTo("VALIDATION_ERROR");
    assertThat(list.bodyAsJsonObject().getJsonObject("error").getString("message"))
        .contains("User Org Id missing");
  }

  @Test
  void listsTheOrganisationSortedByCreationThenIdWithTheTotal() {
    HttpResponse<Buffer> response = harness.get("/acme/v1/users", member());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonArray members = response.bodyAsJsonArray();
    assertThat(members).hasSize(ClerkSeed.ACME_MEMBER_COUNT);
    assertThat(response.getHeader("X-Total-Count"))
        .isEqualTo(Integer.toString(ClerkSeed.ACME_MEMBER_COUNT));
    for (int i = 1; i < members.size(); i++) {
      JsonObject a = members.getJsonObject(i - 1);
      JsonObject b = members.getJsonObject(i);
      int byTime = a.getString("createdAt").compareTo(b.getString("createdAt"));
      assertThat(byTime < 0 || (byTime == 0 && a.getString("id").compareTo(b.getString("id")) < 0))
          .isTrue();
    }
    JsonObject first = members.getJsonObject(0);
    assertThat(first.fieldNames())
        .containsExactly(
            "id", "firstName", "lastName", "email", "profilePictureUrl", "createdAt",
            "updatedAt", "clerkId", "clerkOrgId", "provider", "role", "orgId");
    assertThat(first.getString("createdAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(first.getString("clerkOrgId")).isEqualTo(ACME);
    assertThat(first.getString("orgId")).isEqualTo(ACME);
    assertThat(members.stream().map(m -> ((JsonObject) m).getString("role")))
        .contains("org:admin", "org:member");
  }

  @Test
  void pagesCarryTheFullCount() {
    HttpResponse<Buffer> page = harness.get("/acme/v1/users?limit=2&offset=1", member());
    JsonArray all = harness.get("/acme/v1/users", member()).bodyAsJsonArray();

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.getHeader("X-Total-Count"))
        .isEqualTo(Integer.toString(ClerkSeed.ACME_MEMBER_COUNT));
    assertThat(page.bodyAsJsonArray().getList()).isEqualTo(all.getList().subList(1, 3));
  }

  @Test
  void idsAnswerVisibleMembersInTheOrderAsked() {
    String path =
        "/acme/v1/users?ids="
            + ClerkSeed.ACME_MEMBER_ID + ","
            + ClerkSeed.NO_ORG_USER_ID + ","
            + ClerkSeed.ACME_ADMIN_ID;
    JsonArray found = harness.get(path, member()).bodyAsJsonArray();

    assertThat(found.stream().map(m -> ((JsonObject) m).getString("id")))
        .containsExactly(ClerkSeed.ACME_MEMBER_ID, ClerkSeed.ACME_ADMIN_ID);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/acme/v1/users/user_abc%3F", "/acme/v1/users/user_abc%2Fdef", "/acme/v1/users/user_a%23b",
        "/acme/v1/users/user_a%0d%0aX-Injected:%201", "/acme/v1/users/user_", "/acme/v1/users/admin",
        "/acme/v1/users/..%2F..%2Fv1%2Fjwks", "/acme/v1/users?ids=user_a,bad%2C",
        "/acme/v1/users?limit=0", "/acme/v1/users?limit=abc", "/acme/v1/users?offset=-1",
        "/acme/v1/users?limit=1&limit=2"
      })
  void malformedInputIsA400WithoutAnyUpstreamRequest(String path) {
    int before = harness.upstreamRequests();

    HttpResponse<Buffer> response = harness.get(path, member());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getJsonObject("error").getString("code"))
        .isEqualTo("VALIDATION_ERROR");
    assertThat(harness.upstreamRequests()).isEqualTo(before);
  }

  @Test
  void tooManyIdsIsA400() {
    StringBuilder ids = new StringBuilder("user_a0");
    for (int i = 1; i <= 100; i++) {
      ids.append(",user_a").append(i);
    }
    assertThat(harness.get("/acme/v1/users?ids=" + ids, member()).statusCode()).isEqualTo(400);
  }

  @Test
  void everyErrorOfTheRouterHasTheEnvelope() {
    assertEnvelope(harness.get("/nope/v1/users", member()), 404, "NOT_FOUND");
    assertEnvelope(harness.get("/acme/v2/things", member()), 404, "NOT_FOUND");
    assertEnvelope(
        harness.send(HttpMethod.DELETE, harness.roster.publicPort(), "/acme/v1/users", member(), null),
        405,
        "METHOD_NOT_ALLOWED");
    assertEnvelope(harness.get("/acme/v1/users/" + "x".repeat(9000), member()), 414, null);
    assertEnvelope(
        harness.get("/acme/v1/users", member(), "X-Big", "y".repeat(10_000)), 431, null);
    assertEnvelope(
        harness.send(
            HttpMethod.POST,
            harness.roster.publicPort(),
            "/acme/webhooks/clerk",
            null,
            Buffer.buffer(new byte[1024 * 1024 + 1])),
        413,
        "PAYLOAD_TOO_LARGE");
  }

  @Test
  void servesTheSecondReadFromCacheAndHonoursIfNoneMatch() {
    String token = member();
    String path = "/acme/v1/users/" + ClerkSeed.PHONE_ONLY_USER_ID;
    HttpResponse<Buffer> first = harness.get(path, token);
    int after = harness.upstreamRequests();

    HttpResponse<Buffer> second = harness.get(path, token);
    HttpResponse<Buffer> revalidated =
        harness.get(path, token, "If-None-Match", first.getHeader("ETag"));

    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.getHeader("Cache-Status")).startsWith("roster; hit; ttl=");
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(revalidated.statusCode()).isEqualTo(304);
    assertThat(revalidated.body()).isNull();
    assertThat(revalidated.getHeader("ETag")).isEqualTo(first.getHeader("ETag"));
    assertThat(harness.upstreamRequests()).isEqualTo(after);
  }

  @Test
  void lexfulAppListsScopedMembersAndHidesSoftDeletedUsers() {
    String token = harness.token(LexfulSeed.ADMIN_ID, LexfulSeed.DEMO_ORG_ID, "org:admin");

    HttpResponse<Buffer> list = harness.get("/globex/v1/users", token);
    HttpResponse<Buffer> viewer = harness.get("/globex/v1/users/" + LexfulSeed.VIEWER_ID, token);
    HttpResponse<Buffer> deleted =
        harness.get("/globex/v1/users/" + LexfulSeed.DELETED_USER_ID, token);

    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.bodyAsJsonArray()).hasSize(LexfulSeed.DEMO_ORG_MEMBER_COUNT);
    assertThat(list.bodyAsJsonArray().getJsonObject(0).getString("provider")).isEqualTo("lexful");
    assertThat(list.bodyAsJsonArray().getJsonObject(0).getString("clerkId")).isNull();
    assertThat(viewer.statusCode()).isEqualTo(200);
    JsonObject user = viewer.bodyAsJsonObject();
    assertThat(user.getString("provider")).isEqualTo("lexful");
    assertThat(user.getJsonObject("providerAttributes").getString("accountId"))
        .isEqualTo(LexfulSeed.ACCOUNT_ID);
    assertThat(user.getJsonObject("primaryEmailAddress").getValue("id")).isNull();
    assertThat(deleted.statusCode()).isEqualTo(404);
  }

  @Test
  void anAppWithBothUpstreamsRoutesIdsByShape() {
    String token = harness.token(ClerkSeed.ACME_MEMBER_ID, ACME, "org:member");

    assertThat(
            harness.get("/initech/v1/users/" + LexfulSeed.VIEWER_ID, token)
                .bodyAsJsonObject()
                .getString("provider"))
        .isEqualTo("lexful");
    assertThat(
            harness.get("/initech/v1/users/" + ClerkSeed.BANNED_USER_ID, token)
                .bodyAsJsonObject()
                .getString("provider"))
        .isEqualTo("clerk");
  }

  @Test
  void aTokenOfAnotherAppIsRefusedWithoutUpstreamCalls() {
    int before = harness.upstreamRequests();
    HttpResponse<Buffer> noToken = harness.get("/acme/v1/users", null);
    HttpResponse<Buffer> garbage = harness.get("/acme/v1/users", "not.a.jwt");

    assertThat(noToken.statusCode()).isEqualTo(401);
    assertThat(noToken.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
    assertThat(garbage.statusCode()).isEqualTo(401);
    assertThat(garbage.getHeader("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
    assertThat(garbage.bodyAsJsonObject().getJsonObject("error").getString("code"))
        .isEqualTo("UNAUTHORIZED");
    assertThat(harness.upstreamRequests()).isEqualTo(before);
  }

  private static void assertEnvelope(HttpResponse<Buffer> response, int status, String code) {
    assertThat(response.statusCode()).isEqualTo(status);
    JsonObject error = response.bodyAsJsonObject().getJsonObject("error");
    assertThat(error.getString("message")).isNotBlank();
    if (code != null) {
      assertThat(error.getString("code")).isEqualTo(code);
    }
    assertThat(List.of(response.bodyAsString())).noneMatch(b -> b.contains("Exception"));
  }

  @Test
  void idsFetchOnlyTheUsersMissingFromTheCacheInOneClerkCall() {
    String token = admin();
    harness.get("/acme/v1/users", token);
    harness.send(
        HttpMethod.DELETE,
        harness.roster.adminPort(),
        "/cache/acme/users/" + ClerkSeed.BANNED_USER_ID,
        RosterHarness.ADMIN_TOKEN,
        null);
    harness.send(
        HttpMethod.DELETE,
        harness.roster.adminPort(),
        "/cache/acme/users/" + ClerkSeed.LOCKED_USER_ID,
        RosterHarness.ADMIN_TOKEN,
        null);
    int before = harness.clerk.requestsTo("/v1/users").size();

    JsonArray found =
        harness
            .get(
                "/acme/v1/users?ids="
                    + ClerkSeed.LOCKED_USER_ID + ","
                    + ClerkSeed.ACME_MEMBER_ID + ","
                    + ClerkSeed.BANNED_USER_ID,
                token)
            .bodyAsJsonArray();

    assertThat(found.stream().map(m -> ((JsonObject) m).getString("id")))
        .containsExactly(
            ClerkSeed.LOCKED_USER_ID, ClerkSeed.ACME_MEMBER_ID, ClerkSeed.BANNED_USER_ID);
    var calls = harness.clerk.requestsTo("/v1/users");
    assertThat(calls).hasSize(before + 1);
    assertThat(calls.get(calls.size() - 1).params("user_id"))
        .containsExactlyInAnyOrder(ClerkSeed.LOCKED_USER_ID, ClerkSeed.BANNED_USER_ID);
  }

  @Test
  void refusedTokensNeverReachTheUpstream() {
    int before = harness.upstreamRequests();
    String expired =
        harness.issuer.issue(
            dev.roster.sim.issuer.TokenSpec.forSubject(ClerkSeed.ACME_MEMBER_ID)
                .org(ACME, "acme", "org:member")
                .claim("exp", harness.time.epochMillis() / 1000 - 60));
    String wrongIssuer =
        harness.issuer.issue(
            dev.roster.sim.issuer.TokenSpec.forSubject(ClerkSeed.ACME_MEMBER_ID)
                .org(ACME, "acme", "org:member")
                .claim("iss", "https://evil.example"));
    String[] parts = member().split("\\.");
    String unsigned = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0." + parts[1] + ".";
    String stripped = parts[0] + "." + parts[1] + ".";

    for (String token : new String[] {expired, wrongIssuer, unsigned, stripped}) {
      HttpResponse<Buffer> refused =
          harness.get("/acme/v1/users/" + ClerkSeed.BANNED_USER_ID, token);
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(refused.getHeader("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
    }
    assertThat(harness.upstreamRequests()).isEqualTo(before);
  }

  @Test
  void lexfulVisibilityComesFromTheUsersOwnScopesWithoutListingTheAccount() {
    String token = harness.token(LexfulSeed.VIEWER_ID, LexfulSeed.DEMO_ORG_ID, "org:member");
    long listsBefore = lexfulListCalls();

    HttpResponse<Buffer> member =
        harness.get("/globex/v1/users/" + LexfulSeed.WILDCARD_LIST_USER_ID, token);
    HttpResponse<Buffer> outsider =
        harness.get("/globex/v1/users/" + LexfulSeed.SECOND_ORG_USER_ID, token);

    assertThat(member.statusCode()).isEqualTo(200);
    assertThat(outsider.statusCode()).isEqualTo(404);
    assertThat(lexfulListCalls()).isEqualTo(listsBefore);
    // Fetched at most once: when the caller's organisation list is fresh in the cache and does
    // not name the user, visibility is decided without fetching the record at all.
    assertThat(harness.lexful.requestsTo("/v1/users/" + LexfulSeed.SECOND_ORG_USER_ID))
        .hasSizeLessThanOrEqualTo(1);
  }

  private static long lexfulListCalls() {
    return harness.lexful.requests().stream().filter(r -> r.path().equals("/v1/users")).count();
  }
}
