package dev.roster.auth;

import static dev.roster.auth.AuthFixture.AZP;
import static dev.roster.auth.AuthFixture.assertInvalid;
import static dev.roster.auth.AuthFixture.bearer;
import static dev.roster.auth.AuthFixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.config.AuthOptions;
import dev.roster.metrics.AuthMetrics;
import dev.roster.sim.issuer.JwksMode;
import dev.roster.sim.issuer.SigningKey;
import dev.roster.sim.issuer.TokenSpec;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** JWKS fetching: failures keep the last good keys, no keys fails closed, rotation. */
class JwksRefreshTest {
  private static final String APP = "refresh";
  private AuthFixture fixture;

  @BeforeEach
  void start() {
    fixture = new AuthFixture();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private String genuine() {
    return bearer(fixture.issuer.issue(TokenSpec.forSubject("user_alice")));
  }

  private String strangersToken() {
    return bearer(fixture.issuer.issue(TokenSpec.forSubject("u"), SigningKey.ec("ES256")));
  }

  private double fetches(String outcome) {
    return fixture.count(APP, AuthMetrics.JWKS_FETCHES, outcome);
  }

  @Test
  void keepsTheLastGoodKeysWhenAFetchFails() {
    TokenVerifier verifier = fixture.started(fixture.jwksOptions(), APP);
    fixture.issuer.jwksMode(JwksMode.FAIL);

    assertInvalid(verifier.verify(strangersToken()));

    assertThat(fetches("success")).isEqualTo(1);
    assertThat(fetches("failure")).isEqualTo(1);
    assertThat(verifier.isReady()).isTrue();
    assertThat(verifier.verify(genuine()).await().subject()).isEqualTo("user_alice");
  }

  @Test
  void keepsTheLastGoodKeysWhenTheJwksIsGarbage() {
    TokenVerifier verifier = fixture.started(fixture.jwksOptions(), APP);
    fixture.issuer.jwksMode(JwksMode.GARBAGE);

    assertInvalid(verifier.verify(strangersToken()));

    assertThat(fetches("invalid")).isEqualTo(1);
    assertThat(verifier.isReady()).isTrue();
    assertThat(verifier.verify(genuine()).await().subject()).isEqualTo("user_alice");
  }

  @Test
  void refusesEveryTokenAndIsNotReadyWithoutKeysThenRecovers() {
    fixture.issuer.jwksMode(JwksMode.FAIL);
    TokenVerifier verifier = fixture.started(fixture.jwksOptions(), APP);

    assertThat(verifier.isReady()).isFalse();
    AuthFailure failure = refusal(verifier.verify(genuine()));
    assertThat(failure.missingToken()).isFalse();

    fixture.issuer.jwksMode(JwksMode.SERVE);
    fixture.time.advance(Duration.ofSeconds(6));
    assertThat(verifier.verify(genuine()).await().subject()).isEqualTo("user_alice");
    assertThat(verifier.isReady()).isTrue();
  }

  @Test
  void startsUnreadyWhenTheJwksHostIsUnreachable() {
    HttpServer closed = fixture.vertx.createHttpServer().requestHandler(r -> {}).listen(0).await();
    int port = closed.actualPort();
    closed.close().await();
    String url = "http://127.0.0.1:" + port + "/.well-known/jwks.json";

    TokenVerifier verifier =
        fixture.started(AuthFixture.options(url, null, null, null, List.of(AZP), null, null), APP);

    assertThat(verifier.isReady()).isFalse();
    assertInvalid(verifier.verify(genuine()));
    assertThat(fetches("failure")).isGreaterThanOrEqualTo(1);
  }

  @Test
  void acceptsARotatedKeyAndForgetsCachedTokensOfTheDroppedKid() {
    TokenVerifier verifier = fixture.started(fixture.jwksOptions(), APP);
    String old = genuine();
    verifier.verify(old).await();
    assertThat(verifier.verify(old).await()).isNotNull();
    double hits = fixture.count(APP, AuthMetrics.TOKEN_CACHE, "hit");

    fixture.issuer.rotateKey();
    assertThat(verifier.verify(genuine()).await().subject()).isEqualTo("user_alice");

    assertInvalid(verifier.verify(old));
    assertThat(fixture.count(APP, AuthMetrics.TOKEN_CACHE, "hit")).isEqualTo(hits);
  }

  @Test
  void refreshesPeriodicallyWithoutATokenAsking() throws Exception {
    AuthOptions base = fixture.jwksOptions();
    AuthOptions everyFewMillis =
        new AuthOptions(
            base.jwksUrl(),
            null,
            null,
            base.issuer(),
            base.authorizedParties(),
            null,
            base.clockSkewSeconds(),
            base.adminRoles(),
            Duration.ofMillis(20),
            base.jwksMinRefetchInterval(),
            null);
    TokenVerifier verifier = fixture.started(everyFewMillis, APP);
    assertInvalid(verifier.verify(strangersToken()));
    fixture.issuer.rotateKey();
    int afterRotation = fixture.issuer.jwksRequests();

    Promise<Void> refreshed = Promise.promise();
    fixture.vertx.setPeriodic(
        5,
        id -> {
          // A second request proves the first one after the rotation was fully installed: fetches
          // never overlap.
          if (fixture.issuer.jwksRequests() > afterRotation + 1) {
            fixture.vertx.cancelTimer(id);
            refreshed.tryComplete();
          }
        });
    refreshed.future().await(10, TimeUnit.SECONDS);

    assertThat(verifier.verify(genuine()).await().subject())
        .as("the unknown-kid refetch is spent, so only the periodic refresh knows the new key")
        .isEqualTo("user_alice");
  }

  @Test
  void resumesOnTheCallersContextAfterARefetch() {
    TokenVerifier verifier = fixture.started(fixture.jwksOptions(), APP);
    fixture.issuer.rotateKey();
    String rotated = genuine();
    Context context = fixture.vertx.getOrCreateContext();
    Promise<Boolean> onCallersContext = Promise.promise();

    context.runOnContext(
        v ->
            verifier
                .verify(rotated)
                .onComplete(
                    done ->
                        onCallersContext.complete(
                            done.succeeded() && Vertx.currentContext() == context)));

    assertThat(onCallersContext.future().await()).isTrue();
  }
}
