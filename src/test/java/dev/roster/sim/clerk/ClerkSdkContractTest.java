package dev.roster.sim.clerk;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.roster.sim.issuer.TokenIssuerSimulator;
import dev.roster.sim.issuer.TokenSpec;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Drives the Clerk simulator with the requests Clerk's {@code @clerk/backend} SDK makes (its
 * paths, snake_case query parameters with repeated array values, and headers: the secret key as
 * a bearer token, the pinned {@code Clerk-API-Version}, its User-Agent) and validates every
 * request and answer against Clerk's own OpenAPI description with Atlassian's
 * swagger-request-validator ({@link ClerkContract}), never by hand.
 */
class ClerkSdkContractTest {
  private static final String USER_AGENT = "@clerk/backend@2.21.0";
  private static final String ACME = ClerkSeed.ACME_ORG_ID;

  private static Vertx vertx;
  private static ClerkSimulator sim;
  private static TokenIssuerSimulator issuer;
  private static WebClient client;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    sim = ClerkSimulator.start(vertx, 0).await();
    issuer = TokenIssuerSimulator.start(vertx, 0).await();
    sim.serveJwks(issuer::jwks);
    client = WebClient.create(vertx);
  }

  @AfterAll
  static void stop() {
    client.close();
    vertx.close().await();
  }

  /** One SDK request; its answer after checking both against the description. */
  private static HttpResponse<Buffer> sdk(String path, Map<String, List<String>> query) {
    return send(path, query, "Bearer " + ClerkSeed.SECRET_KEY, ClerkSeed.API_VERSION, true);
  }

  private static HttpResponse<Buffer> send(String path, Map<String, List<String>> query,
      String authorization, String version, boolean requestConforms) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", authorization);
    headers.put("Clerk-API-Version", version);
    headers.put("User-Agent", USER_AGENT);
    HttpRequest<Buffer> request = client.get(sim.port(), "127.0.0.1", path);
    headers.forEach(request::putHeader);
    query.forEach((k, vs) -> vs.forEach(v -> request.addQueryParam(k, v)));
    HttpResponse<Buffer> response = request.send().await();
    List<String> problems = requestConforms
        ? ClerkContract.problems("GET", path, query, headers, response)
        : ClerkContract.answerProblems("GET", path, response);
    assertThat(problems).as("GET %s %s -> %s", path, query, response.statusCode()).isEmpty();
    return response;
  }

  private static Map<String, List<String>> q(String... pairs) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      query.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
    }
    return query;
  }

  @Test
  void getUser() {
    assertThat(sdk("/v1/users/" + ClerkSeed.ACME_ADMIN_ID, q()).statusCode()).isEqualTo(200);
    assertThat(sdk("/v1/users/" + ClerkSeed.PHONE_ONLY_USER_ID, q()).statusCode()).isEqualTo(200);
    assertThat(sdk("/v1/users/" + ClerkSeed.UNKNOWN_USER_ID, q()).statusCode()).isEqualTo(404);
  }

  @Test
  void getUserListAndItsCountAsTheSdkPairsThem() {
    // getUserList sends the list and, in parallel, the count without limit/offset/order_by.
    HttpResponse<Buffer> list = sdk("/v1/users", q("limit", "10", "offset", "0",
        "order_by", "-created_at", "organization_id", ACME));
    HttpResponse<Buffer> count = sdk("/v1/users/count", q("organization_id", ACME));
    assertThat(list.bodyAsJsonArray()).hasSize(ClerkSeed.ACME_MEMBER_COUNT);
    assertThat(count.bodyAsJsonObject().getInteger("total_count"))
        .isEqualTo(ClerkSeed.ACME_MEMBER_COUNT);
  }

  @Test
  void getUserListWithEveryDocumentedFilter() {
    List<Map<String, List<String>>> filters = List.of(
        q("email_address", "alice@acme.example", "email_address", "bob@acme.example"),
        q("phone_number", "+15550100001"),
        q("external_id", "ext-alice-001"),
        q("username", "alice"),
        q("web3_wallet", "0x0000000000000000000000000000000000000000"),
        q("user_id", ClerkSeed.ACME_ADMIN_ID, "user_id", "-" + ClerkSeed.ACME_MEMBER_ID),
        q("organization_id", "+" + ACME),
        q("query", "acme"),
        q("email_address_query", "ACME"),
        q("phone_number_query", "555"),
        q("username_query", "ali"),
        q("name_query", "bob"),
        q("banned", "true"),
        q("last_active_at_before", "1900000000000", "last_active_at_after", "1"),
        q("last_active_at_since", "1"),
        q("created_at_before", "1900000000000", "created_at_after", "1"),
        q("last_sign_in_at_before", "1900000000000", "last_sign_in_at_after", "1"),
        q("provider", "oauth_google", "provider_user_id", "12345"));
    for (Map<String, List<String>> filter : filters) {
      sdk("/v1/users", filter);
      sdk("/v1/users/count", filter);
    }
  }

  @Test
  void everyOrderTheDescriptionAllowsIsServed() {
    for (String field : ClerkOrder.USER_FIELDS) {
      for (String sign : List.of("", "+", "-")) {
        sdk("/v1/users", q("order_by", sign + field, "limit", "5"));
      }
    }
    for (String field : ClerkOrder.MEMBERSHIP_FIELDS) {
      sdk("/v1/organizations/" + ACME + "/memberships", q("order_by", "-" + field));
    }
  }

  @Test
  void pagingByCursor() {
    HttpResponse<Buffer> first = sdk("/v1/users", q("limit", "3"));
    String last = first.bodyAsJsonArray().getJsonObject(2).getString("id");
    HttpResponse<Buffer> next = sdk("/v1/users", q("limit", "3", "starting_after", last));
    assertThat(next.bodyAsJsonArray().getJsonObject(0).getString("id")).isNotEqualTo(last);
    // The two refusals the description spells out: another ordering, a non-zero offset.
    assertThat(sdk("/v1/users", q("starting_after", last, "order_by", "username")).statusCode())
        .isEqualTo(422);
    assertThat(sdk("/v1/users", q("starting_after", last, "offset", "3")).statusCode())
        .isEqualTo(422);
  }

  @Test
  void getOrganizationByIdOrSlugWithItsMembersCount() {
    sdk("/v1/organizations/" + ACME, q());
    HttpResponse<Buffer> bySlug =
        sdk("/v1/organizations/acme", q("include_members_count", "true"));
    assertThat(bySlug.bodyAsJsonObject().getString("id")).isEqualTo(ACME);
    assertThat(bySlug.bodyAsJsonObject().getInteger("members_count"))
        .isEqualTo(ClerkSeed.ACME_MEMBER_COUNT);
  }

  @Test
  void organizationMembershipsOfAnOrganizationAndOfAUser() {
    sdk("/v1/organizations/" + ACME + "/memberships", q("limit", "10", "offset", "0"));
    sdk("/v1/organizations/" + ClerkSeed.BIG_ORG_ID + "/memberships",
        q("limit", "500", "offset", "500"));
    sdk("/v1/organizations/" + ACME + "/memberships", q("role", "org:admin", "query", "alice"));
    HttpResponse<Buffer> unknown = sdk("/v1/organizations/org_2nope/memberships", q());
    assertThat(unknown.bodyAsJsonObject().getInteger("total_count")).isZero();
    HttpResponse<Buffer> ofUser = sdk("/v1/users/" + ClerkSeed.ACME_MEMBER_ID
        + "/organization_memberships", q("limit", "10", "offset", "0"));
    assertThat(ofUser.bodyAsJsonObject().getInteger("total_count")).isEqualTo(2);
    sdk("/v1/users/" + ClerkSeed.UNKNOWN_USER_ID + "/organization_memberships", q());
  }

  @Test
  void verifyTokenWithASecretKeyFetchesTheJwksAndItVerifiesSessionTokens() throws Exception {
    HttpResponse<Buffer> jwks = sdk("/v1/jwks", q());

    String token = issuer.issue(TokenSpec.forSubject(ClerkSeed.ACME_ADMIN_ID));
    SignedJWT jwt = SignedJWT.parse(token);
    RSAKey key = JWKSet.parse(jwks.bodyAsString()).getKeyByKeyId(jwt.getHeader().getKeyID())
        .toRSAKey();
    assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
  }

  @Test
  void refusalsAreTheOnesTheDescriptionDeclares() {
    String path = "/v1/users";
    assertThat(send(path, q(), "Bearer sk_test_wrong", ClerkSeed.API_VERSION, true).statusCode())
        .isEqualTo(401);
    assertThat(send(path, q(), "Bearer " + ClerkSeed.SECRET_KEY, "2026-13-45", true)
        .statusCode()).isEqualTo(400);
    assertThat(send(path, q("limit", "501"), "Bearer " + ClerkSeed.SECRET_KEY,
        ClerkSeed.API_VERSION, false).statusCode()).isEqualTo(422);
    assertThat(sdk(path, q("order_by", "favourite_colour")).statusCode()).isEqualTo(422);
    assertThat(sdk(path, q("provider", "oauth_google")).statusCode()).isEqualTo(422);
    assertThat(send(path, q("banned", "maybe"), "Bearer " + ClerkSeed.SECRET_KEY,
        ClerkSeed.API_VERSION, false).statusCode()).isEqualTo(422);
    assertThat(send(path, q(), "bearer " + ClerkSeed.SECRET_KEY, ClerkSeed.API_VERSION, true)
        .statusCode()).isEqualTo(200);
  }
}
