package dev.roster.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.Roster;
import dev.roster.config.ConfigLoader;
import dev.roster.sim.clerk.ClerkSeed;
import dev.roster.sim.clerk.ClerkSimulator;
import dev.roster.sim.issuer.TokenIssuerSimulator;
import dev.roster.sim.issuer.TokenSpec;
import dev.roster.sim.lexful.LexfulSeed;
import dev.roster.sim.lexful.LexfulSimulator;
import dev.roster.time.ManualTimeSource;
import dev.roster.upstream.LogRecorder;
import dev.roster.upstream.channel.SetupStatus;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Roster pointed at Clerk with wrong settings says so: a refused secret key and a base URL that
 * is not Clerk's are 503s (never "not found" or an empty organisation), named once in the log,
 * in {@code /health/ready}'s reason and in a metric; a development key gets its own budget.
 * One wrong tenant does not make the pod unready for the others.
 */
class MisconfiguredClerkTest {
  private static final String WRONG_KEY = "sk_live_wrongwrongwrongwrong0000";

  private final Vertx vertx = Vertx.vertx();
  private final ManualTimeSource time = new ManualTimeSource();
  private TokenIssuerSimulator issuer;
  private Roster roster;
  private WebClient client;
  private LogRecorder log;

  @BeforeEach
  void start() {
    log = LogRecorder.of(SetupStatus.class);
    issuer = TokenIssuerSimulator.start(vertx, 0, time).await();
    ClerkSimulator clerk = ClerkSimulator.start(vertx, 0).await();
    LexfulSimulator lexful = LexfulSimulator.start(vertx, 0, time).await();
    String auth = "    auth: { jwksUrl: " + issuer.jwksUrl() + " }\n";
    String yaml = "server: { host: 127.0.0.1, port: 0 }\n"
        + "admin: { host: 127.0.0.1, port: 0 }\n"
        + "apps:\n"
        + "  good:\n" + auth
        + "    upstreams: { clerk: { baseUrl: " + clerk.baseUrl() + ", secretKey: "
        + ClerkSeed.SECRET_KEY + " } }\n"
        + "  wrongkey:\n" + auth
        + "    upstreams: { clerk: { baseUrl: " + clerk.baseUrl() + ", secretKey: " + WRONG_KEY
        + " } }\n"
        // Answers 404 with its own body to every /v1/... path, as any wrong host would.
        + "  wrongbase:\n" + auth
        + "    upstreams: { clerk: { baseUrl: " + issuer.issuer() + ", secretKey: "
        + ClerkSeed.SECRET_KEY + " } }\n"
        + "  wronglexful:\n" + auth
        + "    upstreams: { lexful: { baseUrl: " + lexful.baseUrl() + ", accountId: "
        + LexfulSeed.ACCOUNT_ID + ", apiKeyId: " + LexfulSeed.API_KEY_ID
        + ", apiKeySecret: not-the-secret } }\n";
    roster = Roster.start(vertx, ConfigLoader.parse(yaml, Map.of()), time,
        new ByteArrayOutputStream(), 1).await();
    client = WebClient.create(vertx);
  }

  @AfterEach
  void stop() {
    log.close();
    vertx.close().await();
  }

  private HttpResponse<Buffer> get(String path) {
    String token = issuer.issue(TokenSpec.forSubject(ClerkSeed.ACME_ADMIN_ID)
        .org(ClerkSeed.ACME_ORG_ID, "acme", "org:admin"));
    return client.get(roster.publicPort(), "127.0.0.1", path)
        .putHeader("Authorization", "Bearer " + token).send().await();
  }

  private HttpResponse<Buffer> admin(String path) {
    return client.get(roster.adminPort(), "127.0.0.1", path).send().await();
  }

  @Test
  void aRefusedSecretKeyIsNamedOnceInTheLogInReadinessAndInAMetric() {
    for (int i = 0; i < 3; i++) {
      HttpResponse<Buffer> user = get("/wrongkey/v1/users/" + ClerkSeed.ACME_MEMBER_ID);
      assertThat(user.statusCode()).isEqualTo(503);
      assertThat(user.getHeader("Retry-After")).isNotNull();
    }

    assertThat(log.lines()).singleElement().asString()
        .contains("app wrongkey", "upstream clerk", "401", "check secretKey")
        .doesNotContain(WRONG_KEY);
    HttpResponse<Buffer> ready = admin("/health/ready");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.bodyAsJsonObject().getString("status")).isEqualTo("degraded");
    assertThat(ready.bodyAsJsonObject().getString("reason"))
        .contains("wrongkey", "clerk", "check secretKey").doesNotContain(WRONG_KEY);
    assertThat(admin("/metrics").bodyAsString()).contains(
        "roster_upstream_credentials_refused{app=\"wrongkey\",upstream=\"clerk\"} 1.0",
        "roster_upstream_credentials_refused{app=\"good\",upstream=\"clerk\"} 0.0");
    // The other tenant is untouched.
    assertThat(get("/good/v1/users/" + ClerkSeed.ACME_MEMBER_ID).statusCode()).isEqualTo(200);
  }

  @Test
  void aBaseUrlThatIsNotClerkIsAnOutageNotAnEmptyDirectory() {
    assertThat(get("/wrongbase/v1/users/" + ClerkSeed.ACME_MEMBER_ID).statusCode())
        .isEqualTo(503);
    HttpResponse<Buffer> members = get("/wrongbase/v1/users");
    assertThat(members.statusCode()).isEqualTo(503);
    assertThat(members.getHeader("X-Total-Count")).isNull();

    assertThat(log.lines()).singleElement().asString()
        .contains("app wrongbase", "404", "check baseUrl");
    assertThat(admin("/health/ready").bodyAsJsonObject().getString("reason"))
        .contains("wrongbase", "check baseUrl");
  }

  @Test
  void aRefusedLexfulApiKeyNamesItsSettings() {
    assertThat(get("/wronglexful/v1/users/" + LexfulSeed.VIEWER_ID).statusCode()).isEqualTo(503);
    assertThat(get("/wronglexful/v1/users/" + LexfulSeed.ADMIN_ID).statusCode()).isEqualTo(503);

    assertThat(log.lines()).singleElement().asString()
        .contains("app wronglexful", "upstream lexful", "401", "check apiKeyId and apiKeySecret")
        .doesNotContain("not-the-secret");
    assertThat(admin("/metrics").bodyAsString()).contains(
        "roster_upstream_credentials_refused{app=\"wronglexful\",upstream=\"lexful\"} 1.0");
  }

  @Test
  void aDevelopmentKeyGetsNinePerSecondAndAProductionKeyNinety() {
    String metrics = admin("/metrics").bodyAsString();

    assertThat(metrics).contains(
        "roster_upstream_budget_tokens{app=\"good\",upstream=\"clerk\"} 9.0",
        "roster_upstream_budget_tokens{app=\"wrongkey\",upstream=\"clerk\"} 90.0");
  }

  @Test
  void readinessIsPlainOkWhileEveryUpstreamAnswers() {
    assertThat(get("/good/v1/users/" + ClerkSeed.ACME_MEMBER_ID).statusCode()).isEqualTo(200);

    assertThat(admin("/health/ready").bodyAsJsonObject().getString("status")).isEqualTo("ok");
    assertThat(log.lines()).isEmpty();
  }
}
