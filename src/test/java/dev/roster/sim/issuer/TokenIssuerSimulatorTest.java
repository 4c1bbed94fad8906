package dev.roster.sim.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.roster.time.ManualTimeSource;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The demo token issuer: its JWKS over real HTTP and the Clerk-like tokens it signs. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenIssuerSimulatorTest {
  private final Vertx vertx = Vertx.vertx();
  private final ManualTimeSource time = new ManualTimeSource(1_750_000_000_000L);
  private WebClient client;
  private TokenIssuerSimulator issuer;

  @BeforeAll
  void start() {
    issuer = TokenIssuerSimulator.start(vertx, 0, time).await();
    client = WebClient.create(vertx);
  }

  @AfterAll
  void stop() {
    issuer.close().await();
    vertx.close().await();
  }

  private JWKSet fetchJwks() throws Exception {
    return JWKSet.parse(get(issuer.jwksUrl()).toString());
  }

  private Buffer get(String url) {
    return client
        .get(issuer.port(), "127.0.0.1", url.substring(issuer.issuer().length()))
        .send()
        .await()
        .body();
  }

  private int status(String path, HttpMethod method) {
    return client.request(method, issuer.port(), "127.0.0.1", path).send().await().statusCode();
  }

  @Test
  void servesItsRsaKeyAsAJwksOnLoopback() throws Exception {
    JWKSet jwks = fetchJwks();

    assertThat(issuer.issuer()).isEqualTo("http://127.0.0.1:" + issuer.port());
    assertThat(jwks.getKeys()).hasSize(1);
    RSAKey key = jwks.getKeys().get(0).toRSAKey();
    assertThat(key.getKeyID()).isEqualTo(issuer.signingKey().kid());
    assertThat(key.getAlgorithm().getName()).isEqualTo("RS256");
    assertThat(key.size()).isEqualTo(2048);
    assertThat(key.isPrivate()).isFalse();
  }

  @Test
  void issuesAV1SessionTokenSignedByThePublishedKey() throws Exception {
    TokenSpec spec =
        TokenSpec.forSubject("user_1")
            .org("org_1", "acme", "org:admin")
            .permissions(List.of("org:sys_memberships:read"))
            .lifetime(Duration.ofHours(12));

    SignedJWT jwt = SignedJWT.parse(issuer.issue(spec));
    JWTClaimsSet claims = jwt.getJWTClaimsSet();

    RSAKey key = fetchJwks().getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey();
    assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
    long now = time.epochMillis() / 1000;
    assertThat(claims.getSubject()).isEqualTo("user_1");
    assertThat(claims.getIssuer()).isEqualTo(issuer.issuer());
    assertThat(claims.getStringClaim("azp")).isEqualTo("http://localhost:3000");
    assertThat(claims.getStringClaim("sid")).startsWith("sess_");
    assertThat(claims.getIssueTime().getTime() / 1000).isEqualTo(now);
    assertThat(claims.getNotBeforeTime().getTime() / 1000).isLessThanOrEqualTo(now);
    assertThat(claims.getExpirationTime().getTime() / 1000).isEqualTo(now + 12 * 3600);
    assertThat(claims.getStringClaim("org_id")).isEqualTo("org_1");
    assertThat(claims.getStringClaim("org_role")).isEqualTo("org:admin");
    assertThat(claims.getStringClaim("org_slug")).isEqualTo("acme");
    assertThat(claims.getStringListClaim("org_permissions"))
        .containsExactly("org:sys_memberships:read");
  }

  @Test
  void issuesAV2SessionTokenWithTheOrgUnderO() throws Exception {
    TokenSpec spec = TokenSpec.forSubject("user_2").org("org_2", "beta", "org:member").version2();

    JWTClaimsSet claims = SignedJWT.parse(issuer.issue(spec)).getJWTClaimsSet();

    assertThat(claims.getLongClaim("v")).isEqualTo(2);
    assertThat(claims.getClaim("org_id")).isNull();
    Map<String, Object> org = claims.getJSONObjectClaim("o");
    assertThat(org)
        .containsEntry("id", "org_2")
        .containsEntry("slg", "beta")
        .containsEntry("rol", "member");
  }

  @Test
  void rotatingDropsTheOldKidFromTheJwks() throws Exception {
    String old = issuer.signingKey().kid();

    SigningKey next = issuer.rotateKey();

    assertThat(next.kid()).isNotEqualTo(old);
    assertThat(fetchJwks().getKeys()).extracting(k -> k.getKeyID()).containsExactly(next.kid());
    assertThat(SignedJWT.parse(issuer.issue(TokenSpec.forSubject("u"))).getHeader().getKeyID())
        .isEqualTo(next.kid());
  }

  @Test
  void answersFailureModesAndUnknownPaths() {
    int before = issuer.jwksRequests();
    issuer.jwksMode(JwksMode.FAIL);
    try {
      assertThat(status(TokenIssuerSimulator.JWKS_PATH, HttpMethod.GET)).isEqualTo(503);
    } finally {
      issuer.jwksMode(JwksMode.SERVE);
    }
    assertThat(issuer.jwksRequests()).isEqualTo(before + 1);
    assertThat(status("/other", HttpMethod.GET)).isEqualTo(404);
    assertThat(status(TokenIssuerSimulator.JWKS_PATH, HttpMethod.POST)).isEqualTo(405);
  }
}
