package dev.roster.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.roster.Roster;
import dev.roster.config.ConfigLoader;
import dev.roster.config.DemoOptions;
import dev.roster.config.RosterOptions;
import dev.roster.sim.clerk.ClerkSeed;
import dev.roster.sim.lexful.LexfulSeed;
import dev.roster.time.TimeSource;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped demo (conf/roster.yaml with its simulators) behaves like three Clerk instances:
 * each app has its own issuer, key and {@code azp}, so a token of one app is refused by the
 * others, and tokens carry their organisation's real slug.
 */
class DemoRealismTest {
  private static Vertx vertx;
  private static DemoEnvironment demo;
  private static RosterOptions options;
  private static Roster roster;
  private static WebClient client;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    demo = DemoEnvironment.start(vertx, new DemoOptions(0, 0, 0)).await();
    String yaml = Files.readString(Path.of("conf/roster.yaml"))
        .replace("127.0.0.1:18081", "127.0.0.1:" + demo.clerk().port())
        .replace("127.0.0.1:18082", "127.0.0.1:" + demo.lexful().port())
        .replace("127.0.0.1:18083", "127.0.0.1:" + demo.issuer().port())
        .replace("port: 8080", "port: 0")
        .replace("port: 9090", "port: 0");
    options = ConfigLoader.parse(yaml, Map.of());
    roster = Roster.start(vertx, options, TimeSource.system(), new ByteArrayOutputStream(), 1)
        .await();
    client = WebClient.create(vertx);
  }

  @AfterAll
  static void stop() {
    client.close();
    vertx.close().await();
  }

  private static String token(String app, String subject, String orgId, String role) {
    return demo.token(options.apps().get(app), subject, orgId, role);
  }

  private static HttpResponse<Buffer> get(String path, String token) {
    return client.get(roster.publicPort(), "127.0.0.1", path)
        .putHeader("Authorization", "Bearer " + token).send().await();
  }

  private static String claim(String token, String name) throws Exception {
    return SignedJWT.parse(token).getJWTClaimsSet().getStringClaim(name);
  }

  @Test
  void aTokenOfOneAppIsRefusedByTheOthers() {
    String acme = token("acme", ClerkSeed.ACME_MEMBER_ID, ClerkSeed.ACME_ORG_ID, "org:member");
    String globex = token("globex", LexfulSeed.VIEWER_ID, LexfulSeed.DEMO_ORG_ID, "viewer");

    assertThat(get("/acme/v1/users", acme).statusCode()).isEqualTo(200);
    assertThat(get("/globex/v1/users", globex).statusCode()).isEqualTo(200);
    HttpResponse<Buffer> refused = get("/initech/v1/users/" + ClerkSeed.ACME_MEMBER_ID, acme);
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.getHeader("WWW-Authenticate")).contains("invalid_token");
    assertThat(get("/acme/v1/users/" + ClerkSeed.ACME_MEMBER_ID, globex).statusCode())
        .isEqualTo(401);
    assertThat(get("/globex/v1/users/" + LexfulSeed.VIEWER_ID, acme).statusCode())
        .isEqualTo(401);
  }

  @Test
  void eachAppHasItsOwnIssuerAndAuthorizedParty() throws Exception {
    String acme = token("acme", ClerkSeed.ACME_MEMBER_ID, null, null);
    String initech = token("initech", ClerkSeed.ACME_MEMBER_ID, null, null);

    assertThat(claim(acme, "iss")).isEqualTo(options.apps().get("acme").auth().issuer());
    assertThat(claim(initech, "iss")).isEqualTo(options.apps().get("initech").auth().issuer())
        .isNotEqualTo(claim(acme, "iss"));
    assertThat(claim(acme, "azp")).isNotEqualTo(claim(initech, "azp"));
    assertThat(SignedJWT.parse(acme).getHeader().getKeyID())
        .isNotEqualTo(SignedJWT.parse(initech).getHeader().getKeyID());
  }

  @Test
  void tokensCarryTheirOrganisationsRealSlug() throws Exception {
    String welcome = demo.welcome(options, roster.publicPort());

    assertThat(claim(token("acme", ClerkSeed.ACME_ADMIN_ID, ClerkSeed.BIG_ORG_ID, "org:admin"),
        "org_slug")).isEqualTo("bigco");
    String printed = welcome.substring(welcome.indexOf("Bearer ") + 7);
    printed = printed.substring(0, printed.indexOf('\''));
    assertThat(claim(printed, "org_slug")).isEqualTo("acme");
    assertThat(welcome).doesNotContain("\"demo\"");
  }

  @Test
  void clerksJwksEndpointVerifiesTheDemoTokensAsVerifyTokenWould() throws Exception {
    String acme = token("acme", ClerkSeed.ACME_MEMBER_ID, null, null);
    HttpResponse<Buffer> jwks = client.get(demo.clerk().port(), "127.0.0.1", "/v1/jwks")
        .putHeader("Authorization", "Bearer " + ClerkSeed.SECRET_KEY).send().await();

    SignedJWT jwt = SignedJWT.parse(acme);
    var key = JWKSet.parse(jwks.bodyAsString()).getKeyByKeyId(jwt.getHeader().getKeyID());
    assertThat(jwt.verify(new RSASSAVerifier(key.toRSAKey()))).isTrue();
  }
}
