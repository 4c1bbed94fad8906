package dev.roster.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.e2e.RosterHarness;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Request smuggling over a raw socket (RFC 9112 §6.1, §6.3): a request whose framing is
 * ambiguous is answered 400 in the envelope and its connection closed, so the request hidden in
 * its body is never answered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestSmugglingTest {
  /** Answered 404 by Roster if it ever reached the router. */
  private static final String SMUGGLED =
      "GET /smuggled/v1/users/user_hidden HTTP/1.1\r\nHost: roster\r\n\r\n";

  private RosterHarness harness;

  @BeforeAll
  void start() {
    harness = new RosterHarness();
  }

  @AfterAll
  void stop() {
    harness.close();
  }

  static Stream<Arguments> ambiguousFraming() {
    String chunkedBody = "0\r\n\r\n" + SMUGGLED;
    String post = "POST /acme/webhooks/clerk HTTP/1.1\r\nHost: roster\r\n";
    return Stream.of(
        Arguments.of(
            "CL.TE",
            post + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n" + chunkedBody),
        Arguments.of(
            "TE.CL",
            post + "Transfer-Encoding: chunked\r\nContent-Length: " + chunkedBody.length()
                + "\r\n\r\n" + chunkedBody),
        Arguments.of("TE chunked alone", post + "Transfer-Encoding: chunked\r\n\r\n" + chunkedBody),
        Arguments.of(
            "chunked, identity",
            post + "Transfer-Encoding: chunked, identity\r\n\r\n" + chunkedBody),
        Arguments.of(
            "identity, chunked",
            post + "Transfer-Encoding: identity, chunked\r\n\r\n" + chunkedBody),
        Arguments.of(
            "two TE headers",
            post + "Transfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n\r\n"
                + chunkedBody),
        Arguments.of("upper case", post + "Transfer-Encoding: CHUNKED\r\n\r\n" + chunkedBody),
        Arguments.of("tab before value", post + "Transfer-Encoding:\tchunked\r\n\r\n" + chunkedBody),
        Arguments.of(
            "obs-folded", post + "Transfer-Encoding:\r\n chunked\r\n\r\n" + chunkedBody),
        Arguments.of(
            "TE on HTTP/1.0",
            "POST /acme/webhooks/clerk HTTP/1.0\r\nHost: roster\r\nConnection: keep-alive\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + chunkedBody),
        Arguments.of(
            "TE identity on GET",
            "GET /acme/v1/users HTTP/1.1\r\nHost: roster\r\nTransfer-Encoding: identity\r\n"
                + "Content-Length: " + SMUGGLED.length() + "\r\n\r\n" + SMUGGLED),
        Arguments.of(
            "two different Content-Lengths",
            post + "Content-Length: 0\r\nContent-Length: " + SMUGGLED.length() + "\r\n\r\n"
                + SMUGGLED),
        Arguments.of(
            "Content-Length list",
            post + "Content-Length: 0, " + SMUGGLED.length() + "\r\n\r\n" + SMUGGLED),
        Arguments.of("signed Content-Length", post + "Content-Length: +0\r\n\r\n" + SMUGGLED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ambiguousFraming")
  void refusesAmbiguousFramingAndNeverAnswersTheHiddenRequest(String name, String attack)
      throws IOException {
    try (RawHttpClient raw = new RawHttpClient(harness.roster.publicPort())) {
      String answer = raw.send(attack).readUntilClosed();

      assertThat(raw.statusCodes()).as(answer).containsExactly(400);
      assertThat(raw.closedByServer()).as("connection closed after the 400").isTrue();
      assertThat(answer)
          .containsIgnoringCase("connection: close")
          .contains("{\"error\":{\"code\":\"VALIDATION_ERROR\"");
    }
  }

  @Test
  void guardsTheAdminPortToo() throws IOException {
    try (RawHttpClient raw = new RawHttpClient(harness.roster.adminPort())) {
      String answer =
          raw.send(
                  "DELETE /cache/acme HTTP/1.1\r\nHost: roster\r\nContent-Length: 4\r\n"
                      + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
                      + "GET /health/live HTTP/1.1\r\nHost: roster\r\n\r\n")
              .readUntilClosed();

      assertThat(raw.statusCodes()).as(answer).containsExactly(400);
      assertThat(raw.closedByServer()).isTrue();
    }
  }

  @Test
  void stillServesPipelinedRequestsWithSoundFraming() throws IOException {
    try (RawHttpClient raw = new RawHttpClient(harness.roster.publicPort())) {
      String answers = raw.send(SMUGGLED + SMUGGLED).readResponses(2);

      assertThat(raw.statusCodes()).as(answers).containsExactly(404, 404);
    }
  }
}
