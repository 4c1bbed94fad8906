package dev.roster.auth;

import static dev.roster.auth.AuthFixture.assertInvalid;
import static dev.roster.auth.AuthFixture.bearer;
import static dev.roster.auth.AuthFixture.refusal;
import static dev.roster.sim.issuer.SigningKey.encode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.sim.issuer.SigningKey;
import dev.roster.sim.issuer.TokenSpec;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The attack families of RFC 8725 and jwt_tool against a JWKS verifier fed by a real issuer on port
 * 0, with really signed tokens. Each must be refused as an invalid token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenAttackTest {
  private static final String APP = "attacks";
  private AuthFixture fixture;
  private TokenVerifier verifier;

  @BeforeAll
  void startIssuerAndVerifier() {
    fixture = new AuthFixture();
    verifier = fixture.started(fixture.jwksOptions(), APP);
  }

  @AfterAll
  void stop() {
    fixture.close();
  }

  @BeforeEach
  void leaveTheRefetchIntervalBehind() {
    fixture.time.advance(Duration.ofSeconds(10));
  }

  private SigningKey primary() {
    return fixture.issuer.signingKey();
  }

  private JsonObject claims() {
    return fixture.issuer.claims(
        TokenSpec.forSubject("user_alice").org("org_1", "acme", "org:admin"));
  }

  private JsonObject header(String alg) {
    return new JsonObject().put("alg", alg).put("kid", primary().kid()).put("typ", "JWT");
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Test
  void acceptsAGenuineToken() {
    String token = fixture.issuer.issue(TokenSpec.forSubject("user_alice"));

    Caller caller = verifier.verify(bearer(token)).await();

    assertThat(caller.subject()).isEqualTo("user_alice");
  }

  @Test
  void refusesAlgNoneInEveryCasingWithAndWithoutSignature() {
    String realSignature = fixture.issuer.issue(TokenSpec.forSubject("user_alice")).split("\\.")[2];
    for (String alg : List.of("none", "None", "NONE", "nOnE")) {
      String unsigned = encode(header(alg).encode()) + "." + encode(claims().encode());
      assertInvalid(verifier.verify(bearer(unsigned + ".")));
      assertInvalid(verifier.verify(bearer(unsigned)));
      assertInvalid(verifier.verify(bearer(unsigned + "." + realSignature)));
      assertInvalid(verifier.verify(bearer(unsigned + "." + b64("sig".getBytes()))));
    }
  }

  @Test
  void refusesHs256SignedWithThePublicKeyPemAsSecret() {
    byte[] pem = primary().publicKeyPem().getBytes(StandardCharsets.US_ASCII);
    String token = SigningKey.hmac(pem).sign(header("HS256"), claims());

    assertInvalid(verifier.verify(bearer(token)));
  }

  @Test
  void refusesHs256SignedWithThePublicJwkAsSecret() {
    byte[] jwk = primary().publicJwk().encode().getBytes(StandardCharsets.UTF_8);
    String token = SigningKey.hmac(jwk).sign(header("HS256"), claims());

    assertInvalid(verifier.verify(bearer(token)));
  }

  @Test
  void refusesAStrippedSignature() {
    String[] parts = fixture.issuer.issue(TokenSpec.forSubject("user_alice")).split("\\.");

    assertInvalid(verifier.verify(bearer(parts[0] + "." + parts[1] + ".")));
    assertInvalid(verifier.verify(bearer(parts[0] + "." + parts[1])));
  }

  @Test
  void refusesAPayloadChangedAfterSigning() {
    String[] parts = fixture.issuer.issue(TokenSpec.forSubject("user_alice")).split("\\.");
    String forged = encode(claims().put("sub", "user_mallory").encode());

    assertInvalid(verifier.verify(bearer(parts[0] + "." + forged + "." + parts[2])));
  }

  @Test
  void refusesATokenSignedByAnotherKeyUnderAKnownKid() {
    SigningKey otherApp = SigningKey.rsa("RS256");
    TokenSpec spec = TokenSpec.forSubject("user_alice").header("kid", primary().kid());

    AuthFailure failure = refusal(verifier.verify(bearer(fixture.issuer.issue(spec, otherApp))));

    assertThat(failure.missingToken()).isFalse();
    assertThat(failure.getMessage()).contains("signature");
  }

  @Test
  void refusesATokenOfAnotherAppsIssuer() {
    SigningKey otherApp = SigningKey.rsa("RS256");

    assertInvalid(
        verifier.verify(bearer(fixture.issuer.issue(TokenSpec.forSubject("u"), otherApp))));
  }

  @Test
  void refetchesOnceForAnUnknownKidThenRefusesWithoutRefetchingAgainWithinTheInterval() {
    SigningKey stranger = SigningKey.rsa("RS256");
    int before = fixture.issuer.jwksRequests();

    AuthFailure first =
        refusal(verifier.verify(bearer(fixture.issuer.issue(TokenSpec.forSubject("u"), stranger))));
    assertThat(first.missingToken()).isFalse();
    assertThat(fixture.issuer.jwksRequests()).isEqualTo(before + 1);

    fixture.time.advance(Duration.ofSeconds(4));
    SigningKey another = SigningKey.rsa("RS256");
    assertInvalid(
        verifier.verify(bearer(fixture.issuer.issue(TokenSpec.forSubject("u"), another))));
    assertThat(fixture.issuer.jwksRequests()).isEqualTo(before + 1);

    fixture.time.advance(Duration.ofSeconds(2));
    assertInvalid(
        verifier.verify(bearer(fixture.issuer.issue(TokenSpec.forSubject("u"), another))));
    assertThat(fixture.issuer.jwksRequests()).isEqualTo(before + 2);
  }

  @Test
  void concurrentUnknownKidsShareOneFetch() {
    int before = fixture.issuer.jwksRequests();
    String one = fixture.issuer.issue(TokenSpec.forSubject("u"), SigningKey.ec("ES256"));
    String two = fixture.issuer.issue(TokenSpec.forSubject("u"), SigningKey.ec("ES256"));

    var first = verifier.verify(bearer(one));
    var second = verifier.verify(bearer(two));

    assertInvalid(first);
    assertInvalid(second);
    assertThat(fixture.issuer.jwksRequests()).isEqualTo(before + 1);
  }

  @Test
  void refusesAKidWithPathTraversal() {
    TokenSpec spec = TokenSpec.forSubject("u").header("kid", "../../../../../../dev/null");

    assertInvalid(verifier.verify(bearer(fixture.issuer.issue(spec))));
  }

  @Test
  void refusesEs256PsychicSignatures() {
    SigningKey ec = SigningKey.ec("ES256");
    fixture.issuer.publish(ec);
    String genuine = fixture.issuer.issue(TokenSpec.forSubject("user_alice"), ec);
    assertThat(verifier.verify(bearer(genuine)).await().subject()).isEqualTo("user_alice");
    String input =
        encode(new JsonObject().put("alg", "ES256").put("kid", ec.kid()).encode())
            + "."
            + encode(claims().encode());

    assertInvalid(verifier.verify(bearer(input + "." + b64(new byte[64]))));
    byte[] derZeroes = {0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00};
    assertInvalid(verifier.verify(bearer(input + "." + b64(derZeroes))));
  }

  @Test
  void refusesAnOversizedTokenBeforeParsing() {
    TokenSpec spec = TokenSpec.forSubject("u").claim("padding", "x".repeat(9_000));
    double malformedBefore = fixture.count(APP, "roster.auth.verifications", "malformed");

    assertInvalid(verifier.verify(bearer(fixture.issuer.issue(spec))));
    assertThat(fixture.count(APP, "roster.auth.verifications", "malformed"))
        .isEqualTo(malformedBefore + 1);
  }

  @Test
  void refusesMalformedTokens() {
    String payload = encode(claims().encode());
    String signature = b64("signature".getBytes());
    List<String> malformed =
        List.of(
            "abc",
            "a.b",
            "a.b.c.d",
            encode(header("RS256").encode()) + "!." + payload + "." + signature,
            encode(header("RS256").encode()) + "=." + payload + "." + signature,
            encode("[\"RS256\"]") + "." + payload + "." + signature,
            encode("not json") + "." + payload + "." + signature,
            "Bearer with spaces inside",
            primary().signParts(encode(header("RS256").encode()), encode("[1, 2]")),
            primary().signParts(encode(header("RS256").encode()), encode("\"a string\"")));

    for (String token : malformed) {
      assertInvalid(verifier.verify(bearer(token)));
    }
  }

  @Test
  void neverFetchesOrTrustsJkuX5uOrAnEmbeddedJwk() {
    AtomicInteger attackerHits = new AtomicInteger();
    SigningKey attacker = SigningKey.rsa("RS256");
    String attackerJwks = new JsonObject().put("keys", List.of(attacker.publicJwk())).encode();
    HttpServer server =
        fixture
            .vertx
            .createHttpServer()
            .requestHandler(
                req -> {
                  attackerHits.incrementAndGet();
                  req.response().end(attackerJwks);
                })
            .listen(0, "127.0.0.1")
            .await();
    String url = "http://127.0.0.1:" + server.actualPort() + "/jwks.json";
    try {
      TokenSpec remote = TokenSpec.forSubject("u").header("jku", url).header("x5u", url);
      assertInvalid(verifier.verify(bearer(fixture.issuer.issue(remote, attacker))));

      TokenSpec embedded =
          TokenSpec.forSubject("u")
              .header("kid", primary().kid())
              .header("jwk", attacker.publicJwk());
      assertInvalid(verifier.verify(bearer(fixture.issuer.issue(embedded, attacker))));

      TokenSpec embeddedOwnKid = TokenSpec.forSubject("u").header("jwk", attacker.publicJwk());
      assertInvalid(verifier.verify(bearer(fixture.issuer.issue(embeddedOwnKid, attacker))));

      assertThat(attackerHits).hasValue(0);
    } finally {
      server.close().await();
    }
  }

  @Test
  void refusesACriticalHeaderItDoesNotUnderstand() {
    TokenSpec spec = TokenSpec.forSubject("u").header("crit", List.of("exp")).header("exp", 1);

    assertInvalid(verifier.verify(bearer(fixture.issuer.issue(spec))));
  }

  @Test
  void treatsAMissingEmptyOrNonBearerCredentialAsMissing() {
    for (String header :
        new String[] {null, "", "   ", "Bearer", "Bearer   ", "Basic dXNlcjpwYXNz"}) {
      assertThat(refusal(verifier.verify(header)).missingToken()).as("[%s]", header).isTrue();
    }
  }

  @Test
  void acceptsTheBearerSchemeInAnyCasing() {
    String token = fixture.issuer.issue(TokenSpec.forSubject("user_alice"));

    assertThat(verifier.verify("bearer " + token).await().subject()).isEqualTo("user_alice");
    assertThat(verifier.verify("BEARER " + token).await().subject()).isEqualTo("user_alice");
  }
}
