package dev.roster.upstream.channel;

import static dev.roster.upstream.testing.FakeUpstream.json;
import static dev.roster.upstream.testing.FakeUpstream.withHeader;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.upstream.FailureKind;
import dev.roster.upstream.UpstreamChannel;
import dev.roster.upstream.UpstreamFailure;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import dev.roster.upstream.testing.FakeUpstream;

/** The 429 hold, the request budget and the bounded concurrency. */
class UpstreamChannelLimitsTest extends ChannelTestBase {

  @Test
  void holdsEveryCallAfterA429UntilRetryAfterHasPassed() {
    fake.answer(withHeader(429, "Retry-After", "30"), json("{\"id\":\"user_1\"}"));
    UpstreamChannel channel = defaultChannel();
    UpstreamFailure first = failureOf(channel.exchange(get("/v1/users/u"), JSON_ID));
    assertThat(first.kind()).isEqualTo(FailureKind.RATE_LIMITED);
    assertThat(first.retryAfter()).isEqualTo(Duration.ofSeconds(30));

    time.advance(Duration.ofSeconds(29));
    UpstreamFailure held = failureOf(channel.exchange(get("/v1/users/u"), JSON_ID));
    assertThat(held.kind()).isEqualTo(FailureKind.RATE_LIMITED);
    assertThat(held.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    assertThat(fake.received()).isEqualTo(1);

    time.advance(Duration.ofSeconds(1));
    assertThat(channel.exchange(get("/v1/users/u"), JSON_ID).await()).isEqualTo("user_1");
    assertThat(fake.received()).isEqualTo(2);
  }

  @Test
  void aHeldCallNeverCountsAgainstTheBreaker() {
    fake.answer(withHeader(429, "Retry-After", "5"));
    UpstreamChannel channel = defaultChannel();
    for (int i = 0; i < 6; i++) {
      assertThat(failureOf(channel.exchange(get("/v1/users/u"), JSON_ID)).kind())
          .isEqualTo(FailureKind.RATE_LIMITED);
      time.advance(Duration.ofSeconds(5));
    }
    assertThat(fake.received()).isEqualTo(6);
  }

  @Test
  void failsFastOnceTheBudgetIsSpentAndRefillsAsTimePasses() {
    fake.answer(json("{\"id\":\"user_1\"}"));
    UpstreamChannel channel = channel(Duration.ofSeconds(2), 8, 3);
    for (int i = 0; i < 3; i++) {
      assertThat(channel.exchange(get("/v1/users/u"), JSON_ID).await()).isEqualTo("user_1");
    }
    UpstreamFailure spent = failureOf(channel.exchange(get("/v1/users/u"), JSON_ID));
    assertThat(spent.kind()).isEqualTo(FailureKind.BUDGET_EXHAUSTED);
    assertThat(spent.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    assertThat(fake.received()).isEqualTo(3);

    time.advance(Duration.ofSeconds(1));
    for (int i = 0; i < 3; i++) {
      assertThat(channel.exchange(get("/v1/users/u"), JSON_ID).await()).isEqualTo("user_1");
    }
    assertThat(fake.received()).isEqualTo(6);
  }

  @Test
  void keepsAtMostMaxConcurrentRequestsInFlight() {
    fake.answer(fake.delayed(100, json("{\"id\":\"user_1\"}")));
    UpstreamChannel channel = channel(Duration.ofSeconds(3), 2, 1000);
    List<Future<String>> calls = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      calls.add(channel.exchange(get("/v1/users/u"), JSON_ID));
    }
    for (Future<String> call : calls) {
      assertThat(call.await()).isEqualTo("user_1");
    }
    assertThat(fake.received()).isEqualTo(6);
    assertThat(fake.maxOpen()).isEqualTo(2);
  }

  @Test
  void failsFastWhenTheWaitingQueueIsFull() {
    fake.answer(fake.delayed(100, json("{\"id\":\"user_1\"}")));
    UpstreamChannel channel = channel(Duration.ofSeconds(3), 1, 1000);
    int capacity = 1 + UpstreamChannels.QUEUED_PER_SLOT;
    List<Future<String>> calls = new ArrayList<>();
    for (int i = 0; i < capacity + 1; i++) {
      calls.add(channel.exchange(get("/v1/users/u"), JSON_ID));
    }
    long refused = calls.stream()
        .filter(call -> call.otherwise(failure -> failure instanceof UpstreamFailure f
            && f.kind() == FailureKind.BUDGET_EXHAUSTED ? null : "other").await() == null)
        .count();
    assertThat(refused).isEqualTo(1);
    assertThat(fake.received()).isEqualTo(capacity);
  }

  @Test
  void countsTheWaitInTheQueueAgainstTheDeadline() {
    fake.answer(FakeUpstream.hang());
    UpstreamChannel channel = channel(Duration.ofMillis(400), 1, 1000);
    Future<Long> first = endOf(channel.exchange(get("/v1/users/a"), JSON_ID));
    Future<Long> second = endOf(channel.exchange(get("/v1/users/b"), JSON_ID));
    long gap = Math.abs(second.await() - first.await());
    // Had the wait not counted, the second would get a fresh 400 ms once the first gave way.
    assertThat(Duration.ofNanos(gap)).isLessThan(Duration.ofMillis(200));
    assertThat(fake.received()).isLessThanOrEqualTo(2);
  }

  /** When the exchange failed with TIMEOUT, in nanoTime; fails on any other outcome. */
  private static Future<Long> endOf(Future<String> exchange) {
    return exchange.transform(ar -> ar.cause() instanceof UpstreamFailure f
            && f.kind() == FailureKind.TIMEOUT
        ? Future.succeededFuture(System.nanoTime())
        : Future.failedFuture("expected a timeout, got " + ar));
  }
}
