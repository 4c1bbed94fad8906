package dev.roster.sim.clerk;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClerkSimulatorTest {
  private static final List<String> REQUIRED_USER_FIELDS = List.of(
      "id", "object", "username", "first_name", "last_name", "has_image",
      "primary_email_address_id", "primary_phone_number_id", "primary_web3_wallet_id",
      "password_enabled", "two_factor_enabled", "totp_enabled", "backup_code_enabled",
      "email_addresses", "phone_numbers", "web3_wallets", "passkeys", "external_accounts",
      "saml_accounts", "enterprise_accounts", "public_metadata", "external_id",
      "last_sign_in_at", "banned", "locked", "lockout_expires_in_seconds",
      "verification_attempts_remaining", "created_at", "updated_at", "delete_self_enabled",
      "create_organization_enabled", "last_active_at", "mfa_enabled_at", "mfa_disabled_at",
      "legal_accepted_at", "image_url", "private_metadata", "unsafe_metadata");

  private Vertx vertx;
  private ClerkSimulator sim;
  private WebClient client;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    sim = ClerkSimulator.start(vertx, 0).await();
    client = WebClient.create(vertx);
  }

  @AfterEach
  void stop() {
    client.close();
    sim.close().await();
    vertx.close().await();
  }

  private HttpRequest<Buffer> get(String uri) {
    return client.get(sim.port(), "127.0.0.1", uri)
        .putHeader("Authorization", "Bearer " + ClerkSeed.SECRET_KEY)
        .putHeader("Clerk-API-Version", ClerkSeed.API_VERSION);
  }

  private JsonArray users(String query) {
    HttpResponse<Buffer> response = get("/v1/users?" + query).send().await();
    assertThat(response.statusCode()).isEqualTo(200);
    return response.bodyAsJsonArray();
  }

  private static void assertClerkError(HttpResponse<Buffer> response, int status, String code) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.getHeader("content-type")).isEqualTo("application/json");
    JsonObject body = response.bodyAsJsonObject();
    JsonObject error = body.getJsonArray("errors").getJsonObject(0);
    assertThat(error.getString("code")).isEqualTo(code);
    assertThat(error.getString("message")).isNotBlank();
    assertThat(error.getString("long_message")).isNotBlank();
    assertThat(body.getString("clerk_trace_id")).isNotBlank();
  }

  @Test
  void getUserReturnsEveryRequiredFieldOfTheUserSchema() {
    HttpResponse<Buffer> response = get("/v1/users/" + ClerkSeed.ACME_ADMIN_ID).send().await();

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject user = response.bodyAsJsonObject();
    assertThat(user.fieldNames()).containsAll(REQUIRED_USER_FIELDS);
    assertThat(user.getString("object")).isEqualTo("user");
    assertThat(user.getLong("created_at")).isEqualTo(ClerkSeed.BASE_CREATED_AT);
    assertThat(user.getBoolean("has_image")).isTrue();
    assertThat(user.getBoolean("two_factor_enabled")).isTrue();
    assertThat(user.getJsonObject("private_metadata").getString("plan")).isEqualTo("enterprise");
    JsonArray emails = user.getJsonArray("email_addresses");
    assertThat(emails).hasSize(2);
    JsonObject primary = emails.getJsonObject(0);
    assertThat(primary.getString("id")).isEqualTo(user.getString("primary_email_address_id"));
    assertThat(primary.getString("object")).isEqualTo("email_address");
    assertThat(primary.getJsonObject("verification").getString("status")).isEqualTo("verified");
    assertThat(primary.getJsonObject("verification").getString("strategy"))
        .isEqualTo("email_code");
    assertThat(user.getJsonArray("phone_numbers").getJsonObject(0).getString("object"))
        .isEqualTo("phone_number");
  }

  @Test
  void seedCoversUsersWithoutImageMetadataSignInOrEmail() {
    JsonObject bob = get("/v1/users/" + ClerkSeed.ACME_MEMBER_ID).send().await()
        .bodyAsJsonObject();
    assertThat(bob.getBoolean("has_image")).isFalse();
    assertThat(bob.getString("image_url")).startsWith("https://");
    assertThat(bob.getJsonObject("private_metadata")).isEmpty();
    assertThat(bob.containsKey("last_sign_in_at")).isTrue();
    assertThat(bob.getValue("last_sign_in_at")).isNull();

    JsonObject carol = get("/v1/users/" + ClerkSeed.BANNED_USER_ID).send().await()
        .bodyAsJsonObject();
    assertThat(carol.getBoolean("banned")).isTrue();

    JsonObject frank = get("/v1/users/" + ClerkSeed.PHONE_ONLY_USER_ID).send().await()
        .bodyAsJsonObject();
    assertThat(frank.getValue("primary_email_address_id")).isNull();
    assertThat(frank.getJsonArray("phone_numbers")).hasSize(2);
  }

  @Test
  void unknownUserIs404WithClerkErrorBody() {
    assertClerkError(get("/v1/users/" + ClerkSeed.UNKNOWN_USER_ID).send().await(), 404,
        "resource_not_found");
  }

  @Test
  void missingOrWrongSecretKeyIs401() {
    HttpResponse<Buffer> missing =
        client.get(sim.port(), "127.0.0.1", "/v1/users").send().await();
    HttpResponse<Buffer> wrong = client.get(sim.port(), "127.0.0.1", "/v1/users")
        .putHeader("Authorization", "Bearer sk_test_wrong").send().await();

    assertClerkError(missing, 401, "authentication_invalid");
    assertClerkError(wrong, 401, "authentication_invalid");
  }

  @Test
  void listIsABareArrayOfTenByDefaultNewestFirst() {
    JsonArray page = users("");

    assertThat(page).hasSize(10);
    for (int i = 1; i < page.size(); i++) {
      JsonObject before = page.getJsonObject(i - 1);
      JsonObject after = page.getJsonObject(i);
      assertThat(before.getLong("created_at")).isGreaterThanOrEqualTo(after.getLong("created_at"));
      if (before.getLong("created_at").equals(after.getLong("created_at"))) {
        assertThat(before.getString("id")).isLessThan(after.getString("id"));
      }
    }
  }

  @Test
  void orderByCreatedAtAscendingBreaksTiesById() {
    JsonArray page = users("order_by=created_at&organization_id=" + ClerkSeed.ACME_ORG_ID
        + "&limit=6");

    assertThat(page.stream().map(u -> ((JsonObject) u).getString("id")).toList())
        .containsExactly(ClerkSeed.ACME_ADMIN_ID, ClerkSeed.ACME_MEMBER_ID,
            ClerkSeed.BANNED_USER_ID, ClerkSeed.LOCKED_USER_ID, ClerkSeed.NO_LAST_NAME_USER_ID,
            ClerkSeed.PHONE_ONLY_USER_ID);
  }

  @Test
  void limitOutsideOneTo500Is422WithClerkErrorBody() {
    for (String limit : List.of("501", "0", "ten")) {
      HttpResponse<Buffer> response = get("/v1/users?limit=" + limit).send().await();
      assertClerkError(response, 422, "form_param_value_invalid");
      assertThat(response.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0)
          .getJsonObject("meta").getString("param_name")).isEqualTo("limit");
    }
    assertThat(users("limit=500")).hasSize(500);
    assertClerkError(get("/v1/users?offset=-1").send().await(), 422,
        "form_param_value_invalid");
  }

  @Test
  void moreThan100UserIdsIs422() {
    HttpRequest<Buffer> request = get("/v1/users");
    for (int i = 0; i < 101; i++) {
      request.addQueryParam("user_id", ClerkSeed.bigOrgUserId(i));
    }
    assertClerkError(request.send().await(), 422, "form_param_value_invalid");
  }

  @Test
  void repeatedUserIdFilterReturnsOnlyExistingUsersAsked() {
    JsonArray found = get("/v1/users").addQueryParam("user_id", ClerkSeed.ACME_ADMIN_ID)
        .addQueryParam("user_id", ClerkSeed.NO_ORG_USER_ID)
        .addQueryParam("user_id", ClerkSeed.UNKNOWN_USER_ID)
        .addQueryParam("limit", "100").send().await().bodyAsJsonArray();

    assertThat(found.stream().map(u -> ((JsonObject) u).getString("id")).toList())
        .containsExactlyInAnyOrder(ClerkSeed.ACME_ADMIN_ID, ClerkSeed.NO_ORG_USER_ID);
  }

  @Test
  void excludedUserIdIsLeftOut() {
    JsonArray found = users("organization_id=" + ClerkSeed.ACME_ORG_ID + "&user_id=-"
        + ClerkSeed.ACME_ADMIN_ID);

    assertThat(found).hasSize(ClerkSeed.ACME_MEMBER_COUNT - 1);
  }

  @Test
  void pagesOf500CoverEveryBigOrgMemberExactlyOnce() {
    Set<String> seen = new HashSet<>();
    int requests = 0;
    for (int offset = 0; ; offset += 500) {
      JsonArray page = users("organization_id=" + ClerkSeed.BIG_ORG_ID + "&limit=500&offset="
          + offset);
      requests++;
      page.forEach(u -> assertThat(seen.add(((JsonObject) u).getString("id"))).isTrue());
      if (page.size() < 500) {
        break;
      }
    }
    assertThat(requests).isEqualTo(3);
    assertThat(seen).hasSize(ClerkSeed.BIG_ORG_MEMBER_COUNT).contains(ClerkSeed.ACME_ADMIN_ID);
  }

  @Test
  void countHonoursTheSameFilters() {
    JsonObject all = get("/v1/users/count").send().await().bodyAsJsonObject();
    JsonObject big = get("/v1/users/count?organization_id=" + ClerkSeed.BIG_ORG_ID).send()
        .await().bodyAsJsonObject();
    JsonObject notBig = get("/v1/users/count?organization_id=-" + ClerkSeed.BIG_ORG_ID).send()
        .await().bodyAsJsonObject();

    assertThat(all.getString("object")).isEqualTo("total_count");
    assertThat(all.getInteger("total_count")).isEqualTo(ClerkSeed.USER_COUNT);
    assertThat(big.getInteger("total_count")).isEqualTo(ClerkSeed.BIG_ORG_MEMBER_COUNT);
    assertThat(notBig.getInteger("total_count"))
        .isEqualTo(ClerkSeed.USER_COUNT - ClerkSeed.BIG_ORG_MEMBER_COUNT);
  }

  @Test
  void membershipsCarryRoleOrganizationAndPublicUserData() {
    JsonObject body = get("/v1/organizations/" + ClerkSeed.ACME_ORG_ID + "/memberships?limit=20")
        .send().await().bodyAsJsonObject();

    assertThat(body.getInteger("total_count")).isEqualTo(ClerkSeed.ACME_MEMBER_COUNT);
    JsonArray data = body.getJsonArray("data");
    assertThat(data).hasSize(ClerkSeed.ACME_MEMBER_COUNT);
    JsonObject admin = data.stream().map(JsonObject.class::cast)
        .filter(m -> m.getJsonObject("public_user_data").getString("user_id")
            .equals(ClerkSeed.ACME_ADMIN_ID))
        .findFirst().orElseThrow();
    assertThat(admin.getString("object")).isEqualTo("organization_membership");
    assertThat(admin.getString("role")).isEqualTo("org:admin");
    assertThat(admin.getJsonArray("permissions")).contains("org:sys_memberships:manage");
    assertThat(admin.getJsonObject("organization").getString("id"))
        .isEqualTo(ClerkSeed.ACME_ORG_ID);
    JsonObject pud = admin.getJsonObject("public_user_data");
    assertThat(pud.getString("identifier")).isEqualTo("alice@acme.example");
    assertThat(pud.getBoolean("has_image")).isTrue();
    assertThat(data.stream().map(JsonObject.class::cast)
        .filter(m -> m.getString("role").equals("org:admin"))).hasSize(1);
  }

  @Test
  void membershipPagesOf500CoverTheBigOrg() {
    Set<String> seen = new HashSet<>();
    long total = -1;
    for (int offset = 0; offset < 1500; offset += 500) {
      JsonObject body = get("/v1/organizations/" + ClerkSeed.BIG_ORG_ID
          + "/memberships?limit=500&offset=" + offset).send().await().bodyAsJsonObject();
      total = body.getLong("total_count");
      body.getJsonArray("data").forEach(m -> assertThat(seen.add(((JsonObject) m)
          .getJsonObject("public_user_data").getString("user_id"))).isTrue());
    }
    assertThat(total).isEqualTo(ClerkSeed.BIG_ORG_MEMBER_COUNT);
    assertThat(seen).hasSize(ClerkSeed.BIG_ORG_MEMBER_COUNT);
  }

  @Test
  void membershipsOfUnknownOrgAreAnEmptyListAndLimitIsChecked() {
    // The OpenAPI description declares 200, 401 and 422 for this operation, not 404.
    HttpResponse<Buffer> unknown = get("/v1/organizations/org_2nope/memberships").send().await();
    assertThat(unknown.statusCode()).isEqualTo(200);
    assertThat(unknown.bodyAsJsonObject())
        .isEqualTo(new JsonObject().put("data", new JsonArray()).put("total_count", 0));
    assertClerkError(get("/v1/organizations/" + ClerkSeed.ACME_ORG_ID
        + "/memberships?limit=501").send().await(), 422, "form_param_value_invalid");
  }

  @Test
  void unknownPathIs404AndWrongMethodIs405() {
    assertClerkError(get("/v1/nothing-here").send().await(), 404, "resource_not_found");
    HttpResponse<Buffer> delete = client.delete(sim.port(), "127.0.0.1",
        "/v1/users/" + ClerkSeed.ACME_ADMIN_ID)
        .putHeader("Authorization", "Bearer " + ClerkSeed.SECRET_KEY).send().await();
    assertClerkError(delete, 405, "method_not_allowed");
  }

  @Test
  void requestLogKeepsPathQueryAndApiVersionHeader() {
    users("limit=3&organization_id=" + ClerkSeed.ACME_ORG_ID);
    get("/v1/users/" + ClerkSeed.ACME_ADMIN_ID).send().await();

    assertThat(sim.requestCount()).isEqualTo(2);
    var listed = sim.requestsTo("/v1/users").get(0);
    assertThat(listed.param("limit")).isEqualTo("3");
    assertThat(listed.params("organization_id")).containsExactly(ClerkSeed.ACME_ORG_ID);
    assertThat(listed.header("clerk-api-version")).isEqualTo(ClerkSeed.API_VERSION);
    sim.clearRequests();
    assertThat(sim.requests()).isEmpty();
  }

  @Test
  void mutatorsChangeWhatTheApiAnswers() {
    sim.putUser(new JsonObject().put("id", "user_2testNew1").put("first_name", "Nia"));
    sim.addMembership(ClerkSeed.ACME_ORG_ID, "user_2testNew1", "org:member");
    JsonObject added = get("/v1/users/user_2testNew1").send().await().bodyAsJsonObject();
    assertThat(added.getString("first_name")).isEqualTo("Nia");
    assertThat(added.fieldNames()).containsAll(REQUIRED_USER_FIELDS);
    assertThat(membershipTotal(ClerkSeed.ACME_ORG_ID)).isEqualTo(ClerkSeed.ACME_MEMBER_COUNT + 1);

    assertThat(sim.removeMembership(ClerkSeed.ACME_ORG_ID, "user_2testNew1")).isTrue();
    assertThat(membershipTotal(ClerkSeed.ACME_ORG_ID)).isEqualTo(ClerkSeed.ACME_MEMBER_COUNT);

    assertThat(sim.deleteUser(ClerkSeed.ACME_MEMBER_ID)).isTrue();
    assertThat(get("/v1/users/" + ClerkSeed.ACME_MEMBER_ID).send().await().statusCode())
        .isEqualTo(404);
    assertThat(membershipTotal(ClerkSeed.ACME_ORG_ID)).isEqualTo(ClerkSeed.ACME_MEMBER_COUNT - 1);
  }

  private int membershipTotal(String orgId) {
    return get("/v1/organizations/" + orgId + "/memberships").send().await()
        .bodyAsJsonObject().getInteger("total_count");
  }
}
