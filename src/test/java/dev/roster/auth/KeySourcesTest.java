package dev.roster.auth;

import static dev.roster.auth.AuthFixture.AZP;
import static dev.roster.auth.AuthFixture.assertInvalid;
import static dev.roster.auth.AuthFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.config.AuthOptions;
import dev.roster.config.ConfigException;
import dev.roster.sim.issuer.SigningKey;
import dev.roster.sim.issuer.TokenSpec;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** PEM (RSA, EC, Ed25519) and HMAC key sources, and the non-RSA keys of a JWKS. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeySourcesTest {
  private static final String HMAC_SECRET = "roster-demo-hmac-secret-of-32-bytes!!";

  private AuthFixture fixture;
  private TokenVerifier jwks;

  @BeforeAll
  void start() {
    fixture = new AuthFixture();
    jwks = fixture.started(fixture.jwksOptions(), "jwks");
  }

  @AfterAll
  void stop() {
    fixture.close();
  }

  private TokenVerifier pem(SigningKey key, String app) {
    return fixture.started(
        AuthFixture.options(
            null, key.publicKeyPem(), null, fixture.issuer.issuer(), List.of(AZP), null, null),
        app);
  }

  private String token(SigningKey key) {
    return bearer(fixture.issuer.issue(TokenSpec.forSubject("user_pem"), key));
  }

  private JsonObject header(String alg) {
    return new JsonObject().put("alg", alg).put("typ", "JWT");
  }

  @Test
  void verifiesAnRsaPemKeyForEveryRsaAlgorithmButNoOther() {
    SigningKey rs256 = SigningKey.rsa("RS256");
    TokenVerifier verifier = pem(rs256, "pem-rsa");
    JsonObject claims = fixture.issuer.claims(TokenSpec.forSubject("user_pem"));
    byte[] pemBytes = rs256.publicKeyPem().getBytes(StandardCharsets.US_ASCII);

    assertThat(verifier.isReady()).isTrue();
    assertThat(verifier.verify(token(rs256)).await().subject()).isEqualTo("user_pem");
    assertInvalid(verifier.verify(bearer(SigningKey.hmac(pemBytes).sign(header("HS256"), claims))));
    assertInvalid(verifier.verify(token(SigningKey.rsa("RS256"))));
  }

  @Test
  void verifiesAnEcPemKeyOnlyWithItsCurvesAlgorithm() {
    SigningKey es256 = SigningKey.ec("ES256");
    TokenVerifier verifier = pem(es256, "pem-ec");

    assertThat(verifier.verify(token(es256)).await().subject()).isEqualTo("user_pem");
    assertInvalid(verifier.verify(token(SigningKey.ec("ES256"))));
    assertInvalid(verifier.verify(token(SigningKey.rsa("RS256"))));
  }

  @Test
  void verifiesAnEd25519PemKey() {
    SigningKey ed = SigningKey.ed25519();
    TokenVerifier verifier = pem(ed, "pem-ed");

    assertThat(verifier.verify(token(ed)).await().subject()).isEqualTo("user_pem");
    assertInvalid(verifier.verify(token(SigningKey.ed25519())));
  }

  @Test
  void verifiesAnHs256SecretAndNothingElse() {
    TokenVerifier verifier =
        fixture.started(
            AuthFixture.options(null, null, HMAC_SECRET, null, List.of(), null, null), "hmac");
    SigningKey hmac = SigningKey.hmac(HMAC_SECRET.getBytes(StandardCharsets.UTF_8));
    JsonObject claims = fixture.issuer.claims(TokenSpec.forSubject("user_hmac"));

    assertThat(verifier.verify(bearer(hmac.sign(header("HS256"), claims))).await().subject())
        .isEqualTo("user_hmac");
    assertInvalid(
        verifier.verify(bearer(SigningKey.hmac(new byte[32]).sign(header("HS256"), claims))));
    assertInvalid(verifier.verify(token(SigningKey.rsa("RS256"))));
  }

  @Test
  void verifiesEdDsaAndEs384KeysPublishedInTheJwks() {
    SigningKey ed = SigningKey.ed25519();
    SigningKey es384 = SigningKey.ec("ES384");
    fixture.issuer.publish(ed);
    fixture.issuer.publish(es384);

    assertThat(jwks.verify(token(ed)).await().subject()).isEqualTo("user_pem");
    fixture.time.advance(AuthOptions.DEFAULT_JWKS_MIN_REFETCH_INTERVAL);
    assertThat(jwks.verify(token(es384)).await().subject()).isEqualTo("user_pem");
  }

  @Test
  void refusesAnAlgorithmOtherThanTheOneTheJwkDeclares() {
    SigningKey primary = fixture.issuer.signingKey();
    JsonObject header = new JsonObject().put("alg", "RS512").put("kid", primary.kid());
    String rs512 =
        SigningKey.rsa("RS512").sign(header, fixture.issuer.claims(TokenSpec.forSubject("u")));

    assertInvalid(jwks.verify(bearer(rs512)));
  }

  @Test
  void rejectsAConfigurationWithoutExactlyOneUsableKeySource() {
    assertThatThrownBy(
            () -> create(AuthFixture.options(null, null, null, null, List.of(), null, null)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("apps.bad.auth");
    assertThatThrownBy(
            () ->
                create(
                    AuthFixture.options(
                        "http://x/jwks", null, HMAC_SECRET, null, List.of(), null, null)))
        .isInstanceOf(ConfigException.class);
    assertThatThrownBy(
            () -> create(AuthFixture.options(null, null, "", null, List.of(), null, null)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("hmacSecret");
    assertThatThrownBy(
            () ->
                create(
                    AuthFixture.options(
                        null,
                        "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----",
                        null,
                        null,
                        List.of(),
                        null,
                        null)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("publicKeyPem");
  }

  private TokenVerifier create(AuthOptions options) {
    return TokenVerifiers.create(fixture.vertx, options, fixture.time, fixture.registry, "bad");
  }
}
