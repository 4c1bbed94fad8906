package dev.roster.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.Roster;
import dev.roster.config.ConfigLoader;
import dev.roster.http.Readiness;
import dev.roster.logging.LogCapture;
import dev.roster.sim.clerk.ClerkSeed;
import dev.roster.sim.issuer.JwksMode;
import dev.roster.sim.issuer.TokenIssuerSimulator;
import dev.roster.sim.issuer.TokenSpec;
import dev.roster.time.ManualTimeSource;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An app whose keys could not be loaded is not ready and refuses every token (fails closed). */
class ReadinessTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  @Test
  void isNotReadyAndRefusesTokensWhileAnAppHasNoUsableKeys() {
    ManualTimeSource time = new ManualTimeSource();
    TokenIssuerSimulator issuer = TokenIssuerSimulator.start(vertx, 0, time).await();
    issuer.jwksMode(JwksMode.FAIL);
    String yaml =
        "server: { host: 127.0.0.1, port: 0 }\n"
            + "admin: { host: 127.0.0.1, port: 0 }\n"
            + "apps:\n  acme:\n    auth:\n      jwksUrl: " + issuer.jwksUrl() + "\n"
            + "    upstreams:\n      clerk:\n        baseUrl: http://127.0.0.1:9\n"
            + "        secretKey: " + ClerkSeed.SECRET_KEY + "\n";
    LogCapture log = LogCapture.of(Readiness.class);
    Roster roster =
        Roster.start(vertx, ConfigLoader.parse(yaml, Map.of()), time, new ByteArrayOutputStream(), 1)
            .await();
    WebClient client = WebClient.create(vertx);
    String token = issuer.issue(TokenSpec.forSubject(ClerkSeed.ACME_MEMBER_ID));

    HttpResponse<Buffer> ready =
        client.get(roster.adminPort(), "127.0.0.1", "/health/ready").send().await();
    HttpResponse<Buffer> live =
        client.get(roster.adminPort(), "127.0.0.1", "/health/live").send().await();
    HttpResponse<Buffer> refused =
        client
            .get(roster.publicPort(), "127.0.0.1", "/acme/v1/users/" + ClerkSeed.ACME_MEMBER_ID)
            .putHeader("Authorization", "Bearer " + token)
            .send()
            .await();

    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ready.bodyAsJsonObject().getString("reason"))
        .contains("acme")
        .as("why, for the operator reading the probe")
        .contains("(JWKS: HTTP status 5");
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(refused.statusCode()).isEqualTo(401);
    client.get(roster.adminPort(), "127.0.0.1", "/health/ready").send().await();
    assertThat(log.lines())
        .as("said once, however often the probe asks")
        .singleElement()
        .asString()
        .startsWith("WARN not ready: app acme has no usable signing keys (JWKS: HTTP status 5");
    log.close();
  }
}
