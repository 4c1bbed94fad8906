package dev.roster.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.http.RawHttpClient;
import dev.roster.sim.clerk.ClerkSeed;
import dev.roster.sim.fault.Fault;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Expected failures are logged once at most and never with a stack trace (STYLE.md): an
 * upstream request cut at its deadline, a client that drops a webhook body halfway, and a
 * shutdown. Records are caught from java.util.logging, where Vert.x and Roster log.
 */
class ExpectedFailureLogTest {
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private RosterHarness harness;

  @BeforeEach
  void start() {
    Logger.getLogger("").addHandler(capture);
    harness = new RosterHarness();
  }

  @AfterEach
  void stop() {
    Logger.getLogger("").removeHandler(capture);
  }

  private List<String> stackTraces() {
    return records.stream()
        .filter(r -> r.getThrown() != null || r.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage() + " "
            + r.getThrown())
        .toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"hang", "drip", "latency"})
  void anUpstreamRequestCutAtItsDeadlineLogsNoStackTrace(String fault) {
    harness.clerk.faults().add(
        switch (fault) {
          case "hang" -> Fault.hang();
          case "drip" -> Fault.drip(100);
          default -> Fault.latency(1_500);
        });
    String token = harness.token(ClerkSeed.BANNED_USER_ID, null, null);

    int status = harness.get("/acme/v1/users/" + ClerkSeed.BANNED_USER_ID, token).statusCode();
    // The simulator answers late, into the connection Roster closed at its deadline.
    harness.vertx.timer(1_000).await();
    harness.roster.shutdown().await();
    harness.close();

    assertThat(status).isEqualTo(503);
    assertThat(stackTraces()).isEmpty();
  }

  @Test
  void aClientDroppingAWebhookBodyLogsNoStackTrace() throws IOException {
    for (int i = 0; i < 3; i++) {
      try (RawHttpClient raw = new RawHttpClient(harness.roster.publicPort())) {
        raw.send(
            "POST /acme/webhooks/clerk HTTP/1.1\r\nHost: roster\r\nContent-Type: application/json"
                + "\r\nContent-Length: 5000\r\n\r\n{\"type\":\"user.deleted\"");
      }
    }
    // Later requests on other connections are answered once the drops have been handled.
    for (int i = 0; i < 4; i++) {
      harness.get("/acme/v1/users", null);
    }
    harness.roster.shutdown().await();
    harness.close();

    assertThat(stackTraces()).isEmpty();
  }
}
