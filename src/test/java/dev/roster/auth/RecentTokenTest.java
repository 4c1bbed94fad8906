package dev.roster.auth;

import static dev.roster.auth.AuthFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.metrics.AuthMetrics;
import dev.roster.sim.issuer.TokenSpec;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A connection's recent token ({@link RecentToken}): it only ever holds what the verifier's cache
 * accepted, and is not trusted past the token's {@code exp} or after its key left the key set.
 */
class RecentTokenTest {
  private static final String APP = "recent";
  private AuthFixture fixture;
  private TokenVerifier verifier;

  @BeforeEach
  void start() {
    fixture = new AuthFixture();
    verifier = fixture.started(fixture.jwksOptions(), APP);
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void knowsNothingItWasNotToldByAVerification() {
    String token = bearer(fixture.issuer.issue(TokenSpec.forSubject("user_alice")));
    RecentToken recent = new RecentToken();

    assertThat(verifier.cached(token, recent)).isNull();
    assertThat(verifier.cached(token + "x", recent)).isNull();
    assertThat(fixture.count(APP, AuthMetrics.VERIFICATIONS, "accepted")).isZero();
  }

  @Test
  void answersTheSameHeaderAgainAndCountsEachAnswerAsACacheHit() {
    String token = bearer(fixture.issuer.issue(TokenSpec.forSubject("user_alice")));
    verifier.verify(token).await();
    RecentToken recent = new RecentToken();

    assertThat(verifier.cached(token, recent).subject()).isEqualTo("user_alice");
    // A new string with the same text, as every request's header is.
    assertThat(verifier.cached(new String(token), recent).subject()).isEqualTo("user_alice");
    assertThat(fixture.count(APP, AuthMetrics.TOKEN_CACHE, "hit")).isEqualTo(2);

    String other = bearer(fixture.issuer.issue(TokenSpec.forSubject("user_bob")));
    assertThat(verifier.cached(other, recent)).isNull();
  }

  @Test
  void stopsAnsweringAtTheTokensExp() {
    String token =
        bearer(fixture.issuer.issue(TokenSpec.forSubject("u").lifetime(Duration.ofSeconds(60))));
    verifier.verify(token).await();
    RecentToken recent = new RecentToken();
    assertThat(verifier.cached(token, recent)).isNotNull();

    fixture.time.advance(Duration.ofSeconds(61));
    assertThat(verifier.cached(token, recent)).isNull();
  }

  @Test
  void forgetsATokenWhoseKeyWasDropped() {
    String old = bearer(fixture.issuer.issue(TokenSpec.forSubject("user_alice")));
    verifier.verify(old).await();
    RecentToken recent = new RecentToken();
    assertThat(verifier.cached(old, recent)).isNotNull();

    fixture.issuer.rotateKey();
    // A token of the new key makes the verifier fetch the key set, which drops the old key.
    String fresh = bearer(fixture.issuer.issue(TokenSpec.forSubject("user_alice")));
    assertThat(verifier.verify(fresh).await().subject()).isEqualTo("user_alice");

    assertThat(verifier.cached(old, recent)).isNull();
  }
}
