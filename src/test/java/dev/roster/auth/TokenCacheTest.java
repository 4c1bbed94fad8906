package dev.roster.auth;

import static dev.roster.auth.AuthFixture.assertInvalid;
import static dev.roster.auth.AuthFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.metrics.AuthMetrics;
import dev.roster.sim.issuer.SigningKey;
import dev.roster.sim.issuer.TokenSpec;
import io.vertx.core.Future;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The verified-token cache: hits skip verification, entries end at {@code exp}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenCacheTest {
  private AuthFixture fixture;

  @BeforeAll
  void start() {
    fixture = new AuthFixture();
  }

  @AfterAll
  void stop() {
    fixture.close();
  }

  private double count(String app, String meter, String outcome) {
    return fixture.count(app, meter, outcome);
  }

  @Test
  void answersARepeatedTokenFromTheCacheWithoutVerifyingAgain() {
    TokenVerifier verifier = fixture.started(fixture.jwksOptions(), "hits");
    String token = bearer(fixture.issuer.issue(TokenSpec.forSubject("user_alice")));

    Future<Caller> first = verifier.verify(token);
    Future<Caller> second = verifier.verify(token);

    assertThat(second).isSameAs(first);
    assertThat(second.await().subject()).isEqualTo("user_alice");
    assertThat(count("hits", AuthMetrics.TOKEN_CACHE, "hit")).isEqualTo(1);
    assertThat(count("hits", AuthMetrics.TOKEN_CACHE, "miss")).isEqualTo(1);
    assertThat(count("hits", AuthMetrics.VERIFICATIONS, "accepted")).isEqualTo(1);
  }

  @Test
  void keepsACachedTokenOnlyUntilItsExp() {
    TokenVerifier verifier = fixture.started(fixture.jwksOptions(), "expiry");
    String token =
        bearer(fixture.issuer.issue(TokenSpec.forSubject("u").lifetime(Duration.ofSeconds(60))));
    verifier.verify(token).await();

    fixture.time.advance(Duration.ofSeconds(59));
    verifier.verify(token).await();
    assertThat(count("expiry", AuthMetrics.TOKEN_CACHE, "hit")).isEqualTo(1);

    fixture.time.advance(Duration.ofSeconds(2));
    assertThat(verifier.verify(token).await()).as("still within the clock skew").isNotNull();
    assertThat(count("expiry", AuthMetrics.TOKEN_CACHE, "miss")).isEqualTo(2);

    fixture.time.advance(Duration.ofSeconds(10));
    assertInvalid(verifier.verify(token));
    assertThat(count("expiry", AuthMetrics.TOKEN_CACHE, "hit")).isEqualTo(1);
  }

  @Test
  void neverCachesARefusal() {
    TokenVerifier verifier = fixture.started(fixture.jwksOptions(), "refusals");
    SigningKey other = SigningKey.rsa("RS256");
    TokenSpec spec = TokenSpec.forSubject("u").header("kid", fixture.issuer.signingKey().kid());
    String forged = bearer(fixture.issuer.issue(spec, other));

    assertInvalid(verifier.verify(forged));
    assertInvalid(verifier.verify(forged));

    assertThat(count("refusals", AuthMetrics.TOKEN_CACHE, "hit")).isZero();
    assertThat(count("refusals", AuthMetrics.VERIFICATIONS, "bad_signature")).isEqualTo(2);
  }
}
