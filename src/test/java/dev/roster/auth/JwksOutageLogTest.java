package dev.roster.auth;

import static dev.roster.auth.AuthFixture.assertInvalid;
import static dev.roster.auth.AuthFixture.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.logging.LogCapture;
import dev.roster.sim.issuer.JwksMode;
import dev.roster.sim.issuer.SigningKey;
import dev.roster.sim.issuer.TokenSpec;
import io.vertx.core.http.HttpServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A JWKS outage leaves one line with its cause, and its end one more; nothing in between. */
class JwksOutageLogTest {
  private static final String APP = "outage";
  private AuthFixture fixture;
  private LogCapture log;

  @BeforeEach
  void start() {
    fixture = new AuthFixture();
    log = LogCapture.of(JwksKeySource.class);
  }

  @AfterEach
  void stop() {
    log.close();
    fixture.close();
  }

  private String strangersToken() {
    return bearer(fixture.issuer.issue(TokenSpec.forSubject("u"), SigningKey.ec("ES256")));
  }

  @Test
  void logsTheFailureOnceWithItsStatusAndTheRecoveryOnce() {
    TokenVerifier verifier = fixture.started(fixture.jwksOptions(), APP);
    assertThat(log.lines()).isEmpty();

    fixture.issuer.jwksMode(JwksMode.FAIL);
    for (int i = 0; i < 3; i++) {
      fixture.time.advance(Duration.ofSeconds(6));
      assertInvalid(verifier.verify(strangersToken()));
    }
    assertThat(log.lines())
        .singleElement()
        .asString()
        .startsWith("WARN JWKS of app outage could not be fetched: HTTP status 5")
        .endsWith("keeping the last good keys (1)");
    assertThat(log.events().get(0).getKeyValuePairs())
        .anySatisfy(kv -> assertThat(kv.key).isEqualTo("app"))
        .anySatisfy(kv -> assertThat(kv.key).isEqualTo("cause"));

    fixture.issuer.jwksMode(JwksMode.SERVE);
    fixture.time.advance(Duration.ofSeconds(6));
    assertInvalid(verifier.verify(strangersToken()));
    fixture.time.advance(Duration.ofSeconds(6));
    assertInvalid(verifier.verify(strangersToken()));

    assertThat(log.lines()).hasSize(2);
    assertThat(log.lines().get(1)).isEqualTo("INFO JWKS of app outage fetched again: 1 keys");
  }

  @Test
  void saysAnAppWithoutKeysIsNotReadyAndWhyWhenTheHostRefuses() {
    HttpServer closed = fixture.vertx.createHttpServer().requestHandler(r -> {}).listen(0).await();
    int port = closed.actualPort();
    closed.close().await();
    String url = "http://127.0.0.1:" + port + "/.well-known/jwks.json?client=x";

    TokenVerifier verifier =
        fixture.started(
            AuthFixture.options(url, null, null, null, List.of(AuthFixture.AZP), null, null), APP);

    assertThat(verifier.isReady()).isFalse();
    assertThat(log.lines())
        .singleElement()
        .asString()
        .startsWith("WARN JWKS of app outage could not be fetched: connection refused")
        .endsWith("the app has no keys: it refuses every token and is not ready");
    assertThat(log.events().get(0).getKeyValuePairs())
        .anySatisfy(kv -> assertThat(kv.value).isEqualTo(url.substring(0, url.indexOf('?'))));
  }

  @Test
  void describesTimeoutsTlsAndDnsInAnOperatorsWords() {
    assertThat(JwksFailureCause.describe(new java.net.UnknownHostException("jwks.example")))
        .isEqualTo("DNS: cannot resolve the host (jwks.example)");
    assertThat(JwksFailureCause.describe(new javax.net.ssl.SSLHandshakeException("PKIX failed")))
        .isEqualTo("TLS: PKIX failed");
    assertThat(
            JwksFailureCause.describe(
                new io.vertx.core.impl.NoStackTraceThrowable("JWKS fetch timed out")))
        .isEqualTo("timeout after 5000 ms");
  }
}
