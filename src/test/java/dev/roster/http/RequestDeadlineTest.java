package dev.roster.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.Roster;
import dev.roster.config.ConfigLoader;
import dev.roster.time.TimeSource;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole-request deadline over a raw socket: a request whose headers or body trickle in is
 * answered 408 in the envelope and its connection closed once {@code server.requestTimeout} has
 * passed since its first byte, however often a byte arrives. The deadline is configured short
 * (400 ms); the test never sleeps, it reads until the server closes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestDeadlineTest {
  static final String CONFIG =
      "server: { host: 127.0.0.1, port: 0, requestTimeout: 400ms }\n"
          + "admin: { host: 127.0.0.1, port: 0 }\n"
          + "apps:\n"
          + "  acme:\n"
          + "    auth: { hmacSecret: " + "s".repeat(32) + " }\n"
          + "    upstreams: { clerk: { baseUrl: http://127.0.0.1:9, secretKey: sk_test_x } }\n"
          + "    webhooks: { clerkSigningSecret: "
          + "whsec_cm9zdGVyLWRlbW8td2ViaG9vay1zZWNyZXQtMzJieXRlcyE= }\n";

  private final Vertx vertx = Vertx.vertx();
  private final ScheduledExecutorService trickler = Executors.newSingleThreadScheduledExecutor();
  private Roster roster;

  @BeforeAll
  void start() {
    roster =
        Roster.start(
                vertx,
                ConfigLoader.parse(CONFIG, Map.of()),
                TimeSource.system(),
                new ByteArrayOutputStream(),
                1)
            .await();
  }

  @AfterAll
  void stop() {
    trickler.shutdownNow();
    vertx.close().await();
  }

  /** Sends {@code unit} every 50 ms, so an idle timeout would never fire. */
  private void trickle(RawHttpClient raw, String unit) {
    trickler.scheduleAtFixedRate(
        () -> {
          try {
            raw.send(unit);
          } catch (IOException closed) {
            throw new IllegalStateException("closed", closed);
          }
        },
        50,
        50,
        TimeUnit.MILLISECONDS);
  }

  @Test
  void answersATrickledWebhookBody408AndCloses() throws IOException {
    try (RawHttpClient raw = new RawHttpClient(roster.publicPort())) {
      raw.send(
          "POST /acme/webhooks/clerk HTTP/1.1\r\nHost: roster\r\nContent-Type: application/json\r\n"
              + "Content-Length: 100000\r\n\r\n{");
      trickle(raw, " ");

      String answer = raw.readUntilClosed();

      assertThat(raw.statusCodes()).as(answer).containsExactly(408);
      assertThat(raw.closedByServer()).isTrue();
      assertThat(answer)
          .containsIgnoringCase("connection: close")
          .contains("{\"error\":{\"code\":\"REQUEST_TIMEOUT\"");
    }
  }

  @Test
  void answersTrickledHeaders408AndCloses() throws IOException {
    try (RawHttpClient raw = new RawHttpClient(roster.publicPort())) {
      raw.send("GET /acme/v1/users HTTP/1.1\r\nHost: roster\r\n");
      trickle(raw, "X-Slow: a\r\n");

      String answer = raw.readUntilClosed();

      assertThat(raw.statusCodes()).as(answer).containsExactly(408);
      assertThat(raw.closedByServer()).isTrue();
      assertThat(answer).contains("{\"error\":{\"code\":\"REQUEST_TIMEOUT\"");
    }
  }

  @Test
  void closesWithoutA408WhenTheRequestWasAlreadyAnswered() throws IOException {
    try (RawHttpClient raw = new RawHttpClient(roster.publicPort())) {
      // A GET is answered (401: no token) before its announced body has arrived.
      raw.send("GET /acme/v1/users HTTP/1.1\r\nHost: roster\r\nContent-Length: 100000\r\n\r\n");
      trickle(raw, "x");

      String answer = raw.readUntilClosed();

      assertThat(raw.statusCodes()).as(answer).containsExactly(401);
      assertThat(raw.closedByServer()).isTrue();
    }
  }

  @Test
  void servesCompleteRequestsOnTheSameConnection() throws IOException {
    try (RawHttpClient raw = new RawHttpClient(roster.publicPort())) {
      String one = "GET /acme/v1/users HTTP/1.1\r\nHost: roster\r\n\r\n";
      raw.send(one).readResponses(1);
      raw.send(one).readResponses(2);

      assertThat(raw.statusCodes()).containsExactly(401, 401);
    }
  }
}
