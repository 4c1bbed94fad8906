package dev.roster.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.Roster;
import dev.roster.config.ConfigLoader;
import dev.roster.time.TimeSource;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HTTP versions over a raw socket (RFC 9112 §2.3): a later HTTP/1 minor version is served as
 * HTTP/1.1, a malformed version is 400, any other version 505, both in the error envelope.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestVersionTest {
  private final Vertx vertx = Vertx.vertx();
  private Roster roster;

  @BeforeAll
  void start() {
    roster =
        Roster.start(
                vertx,
                ConfigLoader.parse(RequestDeadlineTest.CONFIG, Map.of()),
                TimeSource.system(),
                new ByteArrayOutputStream(),
                1)
            .await();
  }

  @AfterAll
  void stop() {
    vertx.close().await();
  }

  private RawHttpClient exchange(String requestLine) throws IOException {
    RawHttpClient raw = new RawHttpClient(roster.publicPort());
    raw.send(requestLine + "\r\nHost: roster\r\n\r\n").readResponses(1);
    return raw;
  }

  @ParameterizedTest
  @ValueSource(strings = {"HTTP/1.2", "HTTP/1.9"})
  void servesLaterHttp1MinorVersionsAsHttp11(String version) throws IOException {
    try (RawHttpClient raw = exchange("GET /acme/v1/users " + version)) {
      assertThat(raw.text()).startsWith("HTTP/1.1 401 ").contains("\"UNAUTHORIZED\"");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"HTTP/2.0", "HTTP/3.0", "HTTP/0.9"})
  void refusesOtherMajorVersions505InTheEnvelope(String version) throws IOException {
    try (RawHttpClient raw = exchange("GET /acme/v1/users " + version)) {
      String answer = raw.readUntilClosed();

      assertThat(raw.statusCodes()).as(answer).containsExactly(505);
      assertThat(answer).contains("{\"error\":{\"code\":\"HTTP_VERSION_NOT_SUPPORTED\"");
      assertThat(raw.closedByServer()).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"HTTP/1.10", "HTTP/11.1", "HTTP/1.1x", "HTTPS/1.1", "http/1.1", "HTTP/1"})
  void refusesMalformedVersions400InTheEnvelope(String version) throws IOException {
    try (RawHttpClient raw = exchange("GET /acme/v1/users " + version)) {
      String answer = raw.readUntilClosed();

      assertThat(raw.statusCodes()).as(answer).containsExactly(400);
      assertThat(answer).contains("{\"error\":{\"code\":\"VALIDATION_ERROR\"");
      assertThat(raw.closedByServer()).isTrue();
    }
  }

  @Test
  void refusesCleartextHttp2PriorKnowledge() throws IOException {
    try (RawHttpClient raw = new RawHttpClient(roster.publicPort())) {
      String answer = raw.send("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n").readUntilClosed();

      assertThat(raw.statusCodes()).as(answer).containsExactly(505);
      assertThat(raw.closedByServer()).isTrue();
    }
  }
}
