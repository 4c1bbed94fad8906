package dev.roster.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.roster.config.AuthOptions;
import dev.roster.time.ManualTimeSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A JWKS may publish its only key without a {@code kid}; tokens signed by it are accepted. */
class KeyWithoutKidTest {
  private final Vertx vertx = Vertx.vertx();
  private final ManualTimeSource time = new ManualTimeSource();

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  @Test
  void usesTheOnlyUnnamedKeyForTokensWithOrWithoutAKid() throws Exception {
    RSAKey signing = new RSAKeyGenerator(2048).generate();
    String jwks = new JWKSet(signing.toPublicJWK()).toString();
    HttpServer server =
        vertx.createHttpServer()
            .requestHandler(req -> req.response().putHeader("Content-Type", "application/json").end(jwks))
            .listen(0, "127.0.0.1")
            .await();
    TokenVerifier verifier =
        TokenVerifiers.create(
            vertx,
            new AuthOptions(
                "http://127.0.0.1:" + server.actualPort() + "/jwks", null, null, null, List.of(),
                null, 5, List.of("org:admin"), AuthOptions.DEFAULT_JWKS_REFRESH,
                AuthOptions.DEFAULT_JWKS_MIN_REFETCH_INTERVAL, null),
            time,
            new SimpleMeterRegistry(),
            "nokid");
    verifier.start().await();

    Future<Caller> withoutKid = verifier.verify("Bearer " + sign(signing, null));
    Future<Caller> withKid = verifier.verify("Bearer " + sign(signing, "some-kid"));
    Future<Caller> otherKey =
        verifier.verify("Bearer " + sign(new RSAKeyGenerator(2048).generate(), null));

    assertThat(verifier.isReady()).isTrue();
    assertThat(withoutKid.await().subject()).isEqualTo("user_1");
    assertThat(withKid.await().subject()).isEqualTo("user_1");
    assertThat(otherKey.failed()).isTrue();
  }

  private String sign(RSAKey key, String kid) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
            new JWTClaimsSet.Builder()
                .subject("user_1")
                .expirationTime(new Date(time.epochMillis() + 60_000))
                .build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }
}
