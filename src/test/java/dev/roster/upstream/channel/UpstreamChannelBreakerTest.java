package dev.roster.upstream.channel;

import static dev.roster.upstream.testing.FakeUpstream.json;
import static dev.roster.upstream.testing.FakeUpstream.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.upstream.FailureKind;
import dev.roster.upstream.UpstreamChannel;
import dev.roster.upstream.UpstreamFailure;
import io.vertx.core.Future;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import dev.roster.upstream.testing.FakeUpstream;

/** The circuit breaker, on a hand-moved clock. */
class UpstreamChannelBreakerTest extends ChannelTestBase {
  private static final Duration PAST_OPEN_FOR = OPEN_FOR.plusMillis(1);

  private void failFiveTimes(UpstreamChannel channel) {
    for (int i = 0; i < 5; i++) {
      assertThat(failureOf(channel.exchange(get("/v1/users/u"), JSON_ID)).kind())
          .isEqualTo(FailureKind.SERVER_ERROR);
    }
  }

  @Test
  void opensAfterFiveConsecutiveFailuresAndFailsFastWithoutARequest() {
    fake.answer(status(500, ""));
    UpstreamChannel channel = defaultChannel();
    failFiveTimes(channel);
    UpstreamFailure failure = failureOf(channel.exchange(get("/v1/users/u"), JSON_ID));
    assertThat(failure.kind()).isEqualTo(FailureKind.CIRCUIT_OPEN);
    assertThat(failure.retryAfter()).isEqualTo(OPEN_FOR);
    assertThat(fake.received()).isEqualTo(5);
  }

  @Test
  void aSuccessBetweenFailuresKeepsItClosed() {
    fake.answer(status(500, ""), status(500, ""), status(500, ""), status(500, ""),
        json("{\"id\":\"user_1\"}"), status(500, ""));
    UpstreamChannel channel = defaultChannel();
    for (int i = 0; i < 7; i++) {
      channel.exchange(get("/v1/users/u"), JSON_ID).otherwiseEmpty().await();
    }
    assertThat(fake.received()).isEqualTo(7);
  }

  @Test
  void countsMalformedBodiesAsFailures() {
    fake.answer(json("not json"));
    UpstreamChannel channel = defaultChannel();
    for (int i = 0; i < 5; i++) {
      assertThat(failureOf(channel.exchange(get("/v1/users/u"), JSON_ID)).kind())
          .isEqualTo(FailureKind.MALFORMED);
    }
    assertThat(failureOf(channel.exchange(get("/v1/users/u"), JSON_ID)).kind())
        .isEqualTo(FailureKind.CIRCUIT_OPEN);
    assertThat(fake.received()).isEqualTo(5);
  }

  @Test
  void neverCountsA404AsAFailure() {
    fake.answer(status(404, ""));
    UpstreamChannel channel = defaultChannel();
    for (int i = 0; i < 8; i++) {
      assertThat(channel.exchange(get("/v1/users/u"), STATUS_AND_BODY).await()).isEqualTo("404:");
    }
    assertThat(fake.received()).isEqualTo(8);
  }

  @Test
  void reportsTheTimeLeftOpenAsRetryAfter() {
    fake.answer(status(500, ""));
    UpstreamChannel channel = defaultChannel();
    failFiveTimes(channel);
    time.advance(Duration.ofMillis(7_500));
    UpstreamFailure failure = failureOf(channel.exchange(get("/v1/users/u"), JSON_ID));
    assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void letsExactlyOneProbeThroughAfterOpenForAndClosesOnItsSuccess() {
    fake.answer(status(500, ""));
    UpstreamChannel channel = defaultChannel();
    failFiveTimes(channel);
    fake.answer(fake.delayed(200, json("{\"id\":\"user_1\"}")));
    time.advance(PAST_OPEN_FOR);
    Future<String> probe = channel.exchange(get("/v1/users/u"), JSON_ID);
    // Asked while the probe is out: waits for it (half-open lets only one call through at a
    // time), then goes out on the closed circuit instead of failing.
    Future<String> second = channel.exchange(get("/v1/users/u"), JSON_ID);
    assertThat(probe.await()).isEqualTo("user_1");
    assertThat(second.await()).isEqualTo("user_1");
    assertThat(channel.exchange(get("/v1/users/u"), JSON_ID).await()).isEqualTo("user_1");
    assertThat(fake.received()).isEqualTo(5 + 3);
  }

  @Test
  void callsWaitingForAFailedProbeFailFastWithoutARequest() {
    fake.answer(status(500, ""));
    UpstreamChannel channel = defaultChannel();
    failFiveTimes(channel);
    fake.answer(fake.delayed(200, status(500, "")));
    time.advance(PAST_OPEN_FOR);
    Future<String> probe = channel.exchange(get("/v1/users/u"), JSON_ID);
    Future<String> waiting = channel.exchange(get("/v1/users/u"), JSON_ID);
    assertThat(failureOf(probe).kind()).isEqualTo(FailureKind.SERVER_ERROR);
    assertThat(failureOf(waiting).kind()).isEqualTo(FailureKind.CIRCUIT_OPEN);
    assertThat(fake.received()).isEqualTo(5 + 1);
  }

  @Test
  void reopensWhenTheProbeFails() {
    fake.answer(status(500, ""));
    UpstreamChannel channel = defaultChannel();
    failFiveTimes(channel);
    time.advance(PAST_OPEN_FOR);
    assertThat(failureOf(channel.exchange(get("/v1/users/u"), JSON_ID)).kind())
        .isEqualTo(FailureKind.SERVER_ERROR);
    UpstreamFailure failure = failureOf(channel.exchange(get("/v1/users/u"), JSON_ID));
    assertThat(failure.kind()).isEqualTo(FailureKind.CIRCUIT_OPEN);
    assertThat(failure.retryAfter()).isEqualTo(OPEN_FOR);
    assertThat(fake.received()).isEqualTo(6);
  }

  @Test
  void aRateLimitedProbeLeavesRoomForTheNextProbe() {
    fake.answer(status(500, ""));
    UpstreamChannel channel = defaultChannel();
    failFiveTimes(channel);
    fake.answer(FakeUpstream.withHeader(429, "Retry-After", "1"), json("{\"id\":\"user_1\"}"));
    time.advance(PAST_OPEN_FOR);
    assertThat(failureOf(channel.exchange(get("/v1/users/u"), JSON_ID)).kind())
        .isEqualTo(FailureKind.RATE_LIMITED);
    time.advance(Duration.ofSeconds(1));
    assertThat(channel.exchange(get("/v1/users/u"), JSON_ID).await()).isEqualTo("user_1");
  }
}
