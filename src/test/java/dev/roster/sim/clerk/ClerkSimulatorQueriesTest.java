package dev.roster.sim.clerk;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulator answers what Clerk would where a Clerk client looks: filters are applied (never
 * ignored), every documented order works, the cursor pages, and the request gate reads the
 * bearer scheme case-insensitively and refuses an invalid API version.
 */
class ClerkSimulatorQueriesTest {
  private static Vertx vertx;
  private static ClerkSimulator sim;
  private static WebClient client;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    sim = ClerkSimulator.start(vertx, 0).await();
    client = WebClient.create(vertx);
  }

  @AfterAll
  static void stop() {
    client.close();
    vertx.close().await();
  }

  private static HttpResponse<Buffer> get(String uri, String authorization, String version) {
    var request = client.get(sim.port(), "127.0.0.1", uri)
        .putHeader("Authorization", authorization);
    if (version != null) {
      request.putHeader("Clerk-API-Version", version);
    }
    return request.send().await();
  }

  private static HttpResponse<Buffer> get(String uri) {
    return get(uri, "Bearer " + ClerkSeed.SECRET_KEY, ClerkSeed.API_VERSION);
  }

  private static List<String> ids(String query) {
    HttpResponse<Buffer> response = get("/v1/users?limit=500&" + query);
    assertThat(response.statusCode()).as(query).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    response.bodyAsJsonArray().forEach(u -> ids.add(((JsonObject) u).getString("id")));
    return ids;
  }

  private static String code(HttpResponse<Buffer> response) {
    return response.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("code");
  }

  @Test
  void identifierFiltersMatchExactlyAndAreNeverIgnored() {
    assertThat(ids("email_address=ALICE@acme.example&email_address=bob@acme.example"))
        .containsExactlyInAnyOrder(ClerkSeed.ACME_ADMIN_ID, ClerkSeed.ACME_MEMBER_ID);
    assertThat(ids("email_address=nobody@acme.example")).isEmpty();
    assertThat(ids("phone_number=%2B15550100006")).containsExactly(ClerkSeed.PHONE_ONLY_USER_ID);
    assertThat(ids("username=dave")).containsExactly(ClerkSeed.LOCKED_USER_ID);
    assertThat(ids("external_id=ext-alice-001")).containsExactly(ClerkSeed.ACME_ADMIN_ID);
    assertThat(ids("external_id=-ext-alice-001&organization_id=" + ClerkSeed.ACME_ORG_ID))
        .hasSize(ClerkSeed.ACME_MEMBER_COUNT - 1).doesNotContain(ClerkSeed.ACME_ADMIN_ID);
    assertThat(ids("web3_wallet=0xabc")).isEmpty();
    assertThat(ids("provider=oauth_google&provider_user_id=1")).isEmpty();
  }

  @Test
  void queriesMatchPartsCaseInsensitively() {
    assertThat(ids("query=ALICE")).containsExactly(ClerkSeed.ACME_ADMIN_ID);
    assertThat(ids("query=bob%20baker")).containsExactly(ClerkSeed.ACME_MEMBER_ID);
    assertThat(ids("name_query=outsid")).containsExactly(ClerkSeed.NO_ORG_USER_ID);
    assertThat(ids("email_address_query=ELSEWHERE")).containsExactly(ClerkSeed.NO_ORG_USER_ID);
    assertThat(ids("username_query=AV")).containsExactly(ClerkSeed.LOCKED_USER_ID);
    assertThat(ids("phone_number_query=0100006")).containsExactly(ClerkSeed.PHONE_ONLY_USER_ID);
  }

  @Test
  void flagsAndTimeBoundsFilter() {
    assertThat(ids("banned=true")).containsExactly(ClerkSeed.BANNED_USER_ID);
    assertThat(ids("banned=false&organization_id=" + ClerkSeed.ACME_ORG_ID))
        .hasSize(ClerkSeed.ACME_MEMBER_COUNT - 1).doesNotContain(ClerkSeed.BANNED_USER_ID);
    long t = ClerkSeed.BASE_CREATED_AT;
    assertThat(ids("created_at_before=" + (t + 1) + "&created_at_after=" + (t - 1)))
        .containsExactly(ClerkSeed.ACME_ADMIN_ID);
    HttpResponse<Buffer> count = get("/v1/users/count?banned=true");
    assertThat(count.bodyAsJsonObject().getInteger("total_count")).isEqualTo(1);
  }

  @Test
  void malformedFiltersAre422() {
    for (String query : List.of("banned=yes", "created_at_before=yesterday", "provider=oauth_x",
        "provider_user_id=1", "order_by=password", "order_by=-username&starting_after=x",
        "email_address=" + "a@b.c&email_address=".repeat(100) + "a@b.c")) {
      HttpResponse<Buffer> response = get("/v1/users?" + query);
      assertThat(response.statusCode()).as(query).isEqualTo(422);
      assertThat(code(response)).isEqualTo("form_param_value_invalid");
    }
  }

  @Test
  void everyDocumentedOrderSortsAndOnlyTheFirstOrderByCounts() {
    String acme = "organization_id=" + ClerkSeed.ACME_ORG_ID;
    assertThat(ids(acme + "&order_by=first_name")).first().isEqualTo(ClerkSeed.ACME_ADMIN_ID);
    assertThat(ids(acme + "&order_by=-first_name")).first().isEqualTo(ClerkSeed.PHONE_ONLY_USER_ID);
    // A missing value sorts as the largest (Frank has no e-mail address), as in PostgreSQL.
    assertThat(ids(acme + "&order_by=-email_address&order_by=created_at"))
        .startsWith(ClerkSeed.PHONE_ONLY_USER_ID, ClerkSeed.NO_LAST_NAME_USER_ID);
    for (String field : ClerkOrder.USER_FIELDS) {
      assertThat(ids(acme + "&order_by=%2B" + field)).hasSize(ClerkSeed.ACME_MEMBER_COUNT);
    }
  }

  @Test
  void pagingByStartingAfterVisitsEveryUserOnceInEitherDirection() {
    for (String order : List.of("-created_at", "created_at")) {
      Set<String> seen = new HashSet<>();
      String cursor = null;
      int pages = 0;
      while (true) {
        JsonArray page = get("/v1/users?limit=200&order_by=" + order
            + (cursor == null ? "" : "&starting_after=" + cursor)).bodyAsJsonArray();
        page.forEach(u -> assertThat(seen.add(((JsonObject) u).getString("id"))).isTrue());
        pages++;
        if (page.size() < 200) {
          break;
        }
        cursor = page.getJsonObject(page.size() - 1).getString("id");
      }
      assertThat(seen).hasSize(ClerkSeed.USER_COUNT);
      assertThat(pages).isEqualTo(ClerkSeed.USER_COUNT / 200 + 1);
    }
    assertThat(get("/v1/users?starting_after=user_2unknown").statusCode()).isEqualTo(422);
  }

  @Test
  void theGateReadsBearerCaseInsensitivelyAndChecksTheVersion() {
    String uri = "/v1/users/" + ClerkSeed.ACME_ADMIN_ID;
    assertThat(get(uri, "bearer " + ClerkSeed.SECRET_KEY, ClerkSeed.API_VERSION).statusCode())
        .isEqualTo(200);
    assertThat(get(uri, "BEARER " + ClerkSeed.SECRET_KEY, "2025-04-10").statusCode())
        .isEqualTo(200);
    assertThat(get(uri, "Bearer " + ClerkSeed.SECRET_KEY, null).statusCode()).isEqualTo(200);
    assertThat(get(uri, "Basic " + ClerkSeed.SECRET_KEY, null).statusCode()).isEqualTo(401);
    for (String version : List.of("2026-05-13", "latest", "v1")) {
      HttpResponse<Buffer> refused = get(uri, "Bearer " + ClerkSeed.SECRET_KEY, version);
      assertThat(refused.statusCode()).as(version).isEqualTo(400);
      assertThat(code(refused)).isEqualTo("api_version_invalid");
    }
    assertThat(get(uri + "?__clerk_api_version=2026-05-12", "Bearer " + ClerkSeed.SECRET_KEY,
        ClerkSeed.API_VERSION).statusCode()).isEqualTo(400);
  }

  @Test
  void organisationsByIdOrSlugAndUserMemberships() {
    assertThat(get("/v1/organizations/bigco").bodyAsJsonObject().getString("id"))
        .isEqualTo(ClerkSeed.BIG_ORG_ID);
    assertThat(code(get("/v1/organizations/org_2nope"))).isEqualTo("resource_not_found");
    JsonObject memberships = get("/v1/users/" + ClerkSeed.ACME_ADMIN_ID
        + "/organization_memberships?limit=1").bodyAsJsonObject();
    assertThat(memberships.getInteger("total_count")).isEqualTo(2);
    assertThat(memberships.getJsonArray("data")).hasSize(1);
    JsonObject admins = get("/v1/organizations/" + ClerkSeed.ACME_ORG_ID
        + "/memberships?role=org:admin").bodyAsJsonObject();
    assertThat(admins.getInteger("total_count")).isEqualTo(1);
    JsonObject byEmail = get("/v1/organizations/" + ClerkSeed.ACME_ORG_ID
        + "/memberships?email_address=bob@acme.example").bodyAsJsonObject();
    assertThat(byEmail.getJsonArray("data").getJsonObject(0)
        .getJsonObject("public_user_data").getString("user_id"))
        .isEqualTo(ClerkSeed.ACME_MEMBER_ID);
  }
}
