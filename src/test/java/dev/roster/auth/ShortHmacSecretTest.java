package dev.roster.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.config.AuthOptions;
import dev.roster.time.ManualTimeSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A shared secret shorter than 32 bytes verifies exactly the MACs HMAC-SHA256 gives with it. */
class ShortHmacSecretTest {
  private final Vertx vertx = Vertx.vertx();
  private final ManualTimeSource time = new ManualTimeSource();

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  @Test
  void acceptsTokensSignedWithAShortSecretAndRefusesOthers() throws Exception {
    TokenVerifier verifier =
        TokenVerifiers.create(
            vertx,
            new AuthOptions(
                null, null, "secret", null, List.of(), null, 5, List.of("org:admin"),
                AuthOptions.DEFAULT_JWKS_REFRESH, AuthOptions.DEFAULT_JWKS_MIN_REFETCH_INTERVAL,
                null),
            time,
            new SimpleMeterRegistry(),
            "short");
    verifier.start().await();
    JsonObject claims =
        new JsonObject().put("sub", "user_1").put("exp", time.epochMillis() / 1000 + 60);

    Future<Caller> good = verifier.verify("Bearer " + sign(claims, "secret"));
    Future<Caller> bad = verifier.verify("Bearer " + sign(claims, "secreT"));

    assertThat(good.await().subject()).isEqualTo("user_1");
    assertThat(bad.failed()).isTrue();
    assertThat(bad.cause()).isInstanceOf(AuthFailure.class);
  }

  /** HS256 computed here with the JDK, independently of the code under test. */
  private static String sign(JsonObject claims, String secret) throws Exception {
    Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
    String input =
        url.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + url.encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return input + "." + url.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
  }
}
