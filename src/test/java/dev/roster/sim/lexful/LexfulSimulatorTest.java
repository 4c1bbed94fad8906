package dev.roster.sim.lexful;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.time.ManualTimeSource;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LexfulSimulatorTest {
  private static final List<String> USER_FIELDS = List.of("id", "account_id", "email", "role",
      "account_scopes", "organization_scopes", "first_name", "last_name", "external_ids",
      "created_at", "updated_at", "created_by", "updated_by", "deleted_at");

  private final ManualTimeSource time = new ManualTimeSource(1_750_000_000_000L);
  private Vertx vertx;
  private LexfulSimulator sim;
  private WebClient client;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    sim = LexfulSimulator.start(vertx, 0, time).await();
    client = WebClient.create(vertx);
  }

  @AfterEach
  void stop() {
    client.close();
    sim.close().await();
    vertx.close().await();
  }

  private HttpRequest<Buffer> get(String uri, String token) {
    return client.get(sim.port(), "127.0.0.1", uri)
        .putHeader("Authorization", "Bearer " + token)
        .putHeader("X-Account-ID", LexfulSeed.ACCOUNT_ID);
  }

  private HttpRequest<Buffer> get(String uri) {
    return get(uri, LexfulSeed.STATIC_TOKEN);
  }

  private HttpResponse<Buffer> requestToken(String accountId, String id, String secret) {
    return client.post(sim.port(), "127.0.0.1", "/v1/auth/token")
        .putHeader("X-Account-Id", accountId)
        .sendJsonObject(new JsonObject().put("id", id).put("secret", secret)).await();
  }

  private static void assertLexfulError(HttpResponse<Buffer> response, int status) {
    assertThat(response.statusCode()).isEqualTo(status);
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.getInteger("status")).isEqualTo(status);
    assertThat(body.getString("message")).isNotBlank();
    assertThat(body.getString("error_id")).isNotBlank();
    assertThat(body.getString("error_code")).isNotBlank();
    assertThat(body.getString("developer_message")).isNotBlank();
  }

  @Test
  void issuesTokensThatExpireAfterSixtyMinutes() {
    HttpResponse<Buffer> issued =
        requestToken(LexfulSeed.ACCOUNT_ID, LexfulSeed.API_KEY_ID, LexfulSeed.API_KEY_SECRET);
    assertThat(issued.statusCode()).isEqualTo(200);
    String token = issued.bodyAsJsonObject().getString("token");
    assertThat(issued.bodyAsJsonObject().getInteger("expires_in")).isEqualTo(3600);

    assertThat(get("/v1/users/" + LexfulSeed.ADMIN_ID, token).send().await().statusCode())
        .isEqualTo(200);
    time.advance(Duration.ofMinutes(59));
    assertThat(get("/v1/users/" + LexfulSeed.ADMIN_ID, token).send().await().statusCode())
        .isEqualTo(200);
    time.advance(Duration.ofMinutes(1));
    assertLexfulError(get("/v1/users/" + LexfulSeed.ADMIN_ID, token).send().await(), 401);
  }

  @Test
  void wrongCredentialsOrAccountGetNoToken() {
    assertLexfulError(
        requestToken(LexfulSeed.ACCOUNT_ID, LexfulSeed.API_KEY_ID, "wrong"), 401);
    assertLexfulError(requestToken(LexfulSeed.UNKNOWN_USER_ID, LexfulSeed.API_KEY_ID,
        LexfulSeed.API_KEY_SECRET), 401);
    assertThat(sim.issuedTokenCount()).isZero();
  }

  @Test
  void revokedTokensAreRefusedUntilANewOneIsIssued() {
    String token = requestToken(LexfulSeed.ACCOUNT_ID, LexfulSeed.API_KEY_ID,
        LexfulSeed.API_KEY_SECRET).bodyAsJsonObject().getString("token");
    client.post(sim.port(), "127.0.0.1", "/__sim/tokens/revoke").send().await();

    assertLexfulError(get("/v1/users", token).send().await(), 401);
    String renewed = requestToken(LexfulSeed.ACCOUNT_ID, LexfulSeed.API_KEY_ID,
        LexfulSeed.API_KEY_SECRET).bodyAsJsonObject().getString("token");
    assertThat(get("/v1/users", renewed).send().await().statusCode()).isEqualTo(200);
    sim.revokeTokens();
    assertLexfulError(get("/v1/users", renewed).send().await(), 401);
  }

  @Test
  void missingTokenIs401AndAnotherAccountIs403() {
    assertLexfulError(client.get(sim.port(), "127.0.0.1", "/v1/users")
        .putHeader("X-Account-ID", LexfulSeed.ACCOUNT_ID).send().await(), 401);
    assertLexfulError(get("/v1/users", "not-a-token").send().await(), 401);
    assertLexfulError(client.get(sim.port(), "127.0.0.1", "/v1/users")
        .putHeader("Authorization", "Bearer " + LexfulSeed.STATIC_TOKEN)
        .putHeader("X-Account-ID", LexfulSeed.UNKNOWN_USER_ID).send().await(), 403);
  }

  @Test
  void getUserReturnsEveryDocumentedField() {
    HttpResponse<Buffer> response = get("/v1/users/" + LexfulSeed.ORG_VIEWER_ID).send().await();

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject user = response.bodyAsJsonObject();
    assertThat(user.fieldNames()).containsExactlyInAnyOrderElementsOf(USER_FIELDS);
    assertThat(user.getString("account_id")).isEqualTo(LexfulSeed.ACCOUNT_ID);
    assertThat(user.getString("role")).isEqualTo("organization_viewer");
    assertThat(user.getJsonArray("organization_scopes")).contains(LexfulSeed.DEMO_ORG_ID);
    assertThat(user.getValue("last_name")).isNull();
    assertThat(user.getString("created_at"))
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(user.getValue("deleted_at")).isNull();
  }

  @Test
  void wildcardScopesComeAsStringOrList() {
    assertThat(get("/v1/users/" + LexfulSeed.WILDCARD_STRING_USER_ID).send().await()
        .bodyAsJsonObject().getValue("organization_scopes")).isEqualTo("*");
    assertThat(get("/v1/users/" + LexfulSeed.WILDCARD_LIST_USER_ID).send().await()
        .bodyAsJsonObject().getJsonArray("organization_scopes")).containsExactly("*");
  }

  @Test
  void softDeletedAndSystemUsersAre404UnlessIncluded() {
    assertLexfulError(get("/v1/users/" + LexfulSeed.DELETED_USER_ID).send().await(), 404);
    JsonObject deleted = get("/v1/users/" + LexfulSeed.DELETED_USER_ID + "?include_deleted=true")
        .send().await().bodyAsJsonObject();
    assertThat(deleted.getString("deleted_at")).isNotNull();
    assertThat(deleted.getJsonArray("organization_scopes")).contains(LexfulSeed.DEMO_ORG_ID);

    assertLexfulError(get("/v1/users/" + LexfulSeed.SYSTEM_USER_ID).send().await(), 404);
    assertThat(get("/v1/users/" + LexfulSeed.SYSTEM_USER_ID + "?include_system=true").send()
        .await().statusCode()).isEqualTo(200);
    assertLexfulError(get("/v1/users/" + LexfulSeed.UNKNOWN_USER_ID).send().await(), 404);
  }

  @Test
  void nonUuidIdIs400() {
    assertLexfulError(get("/v1/users/user_2abc").send().await(), 400);
  }

  @Test
  void listHasEnvelopeAndDefaultLimitOf100() {
    JsonObject page = get("/v1/users").send().await().bodyAsJsonObject();

    assertThat(page.getJsonArray("items")).hasSize(100);
    assertThat(page.getInteger("total")).isEqualTo(LexfulSeed.USER_COUNT);
    assertThat(page.getInteger("limit")).isEqualTo(100);
    assertThat(page.getInteger("offset")).isZero();
  }

  @Test
  void limitAbove1000Is400() {
    assertLexfulError(get("/v1/users?limit=1001").send().await(), 400);
    assertLexfulError(get("/v1/users?limit=0").send().await(), 400);
    assertLexfulError(get("/v1/users?sort=password").send().await(), 400);
    assertThat(get("/v1/users?limit=1000").send().await().bodyAsJsonObject()
        .getJsonArray("items")).hasSize(1000);
  }

  @Test
  void pagesOf1000CoverTheAccountExactlyOnce() {
    Set<String> seen = new HashSet<>();
    int demoOrgMembers = 0;
    for (int offset = 0; offset < LexfulSeed.USER_COUNT; offset += 1000) {
      JsonArray items = get("/v1/users?limit=1000&offset=" + offset).send().await()
          .bodyAsJsonObject().getJsonArray("items");
      for (Object item : items) {
        JsonObject user = (JsonObject) item;
        assertThat(seen.add(user.getString("id"))).isTrue();
        Object scopes = user.getValue("organization_scopes");
        if ("*".equals(scopes) || ((JsonArray) scopes).contains("*")
            || ((JsonArray) scopes).contains(LexfulSeed.DEMO_ORG_ID)) {
          demoOrgMembers++;
        }
      }
    }
    assertThat(seen).hasSize(LexfulSeed.USER_COUNT).doesNotContain(LexfulSeed.DELETED_USER_ID);
    assertThat(demoOrgMembers).isEqualTo(LexfulSeed.DEMO_ORG_MEMBER_COUNT);
  }

  @Test
  void listFiltersAndSorts() {
    JsonObject admins = get("/v1/users?role=admin&limit=1000").send().await().bodyAsJsonObject();
    assertThat(admins.getJsonArray("items").stream()
        .allMatch(u -> ((JsonObject) u).getString("role").equals("admin"))).isTrue();
    JsonObject byEmail = get("/v1/users?email=ADA.ADMIN@lexful-demo.example").send().await()
        .bodyAsJsonObject();
    assertThat(byEmail.getInteger("total")).isEqualTo(1);
    JsonObject withDeleted = get("/v1/users?include_deleted=true&limit=1").send().await()
        .bodyAsJsonObject();
    assertThat(withDeleted.getInteger("total")).isEqualTo(LexfulSeed.USER_COUNT + 1);
    JsonArray newest = get("/v1/users?sort=created_at&order=desc&limit=2").send().await()
        .bodyAsJsonObject().getJsonArray("items");
    assertThat(newest.getJsonObject(0).getString("created_at"))
        .isGreaterThanOrEqualTo(newest.getJsonObject(1).getString("created_at"));
  }

  @Test
  void unknownRouteIs404AndWrongMethodIs405() {
    assertLexfulError(get("/v1/groups").send().await(), 404);
    assertLexfulError(client.delete(sim.port(), "127.0.0.1", "/v1/users/" + LexfulSeed.ADMIN_ID)
        .putHeader("Authorization", "Bearer " + LexfulSeed.STATIC_TOKEN)
        .putHeader("X-Account-ID", LexfulSeed.ACCOUNT_ID).send().await(), 405);
  }

  @Test
  void mutatorsAddAndSoftDeleteUsers() {
    String id = "11111111-2222-4333-8444-555555555555";
    sim.putUser(new JsonObject().put("id", id).put("first_name", "Nova")
        .put("organization_scopes", new JsonArray().add(LexfulSeed.DEMO_ORG_ID)));
    JsonObject added = get("/v1/users/" + id).send().await().bodyAsJsonObject();
    assertThat(added.getString("first_name")).isEqualTo("Nova");
    assertThat(added.fieldNames()).containsAll(USER_FIELDS);

    assertThat(sim.softDeleteUser(id)).isTrue();
    assertLexfulError(get("/v1/users/" + id).send().await(), 404);
    assertThat(sim.user(id).getString("deleted_at")).isNotNull();
  }

  @Test
  void requestLogKeepsAccountHeaderAndQuery() {
    get("/v1/users?limit=1000&offset=1000").send().await();

    assertThat(sim.requestCount()).isEqualTo(1);
    var request = sim.requestsTo("/v1/users").get(0);
    assertThat(request.header("X-Account-ID")).isEqualTo(LexfulSeed.ACCOUNT_ID);
    assertThat(request.param("offset")).isEqualTo("1000");
  }
}
