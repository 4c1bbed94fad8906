package dev.roster.upstream.channel;

import static dev.roster.upstream.testing.FakeUpstream.json;
import static dev.roster.upstream.testing.FakeUpstream.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.upstream.FailureKind;
import dev.roster.upstream.UpstreamChannel;
import dev.roster.upstream.UpstreamFailure;
import dev.roster.upstream.UpstreamRequest;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import dev.roster.upstream.testing.FakeUpstream;

/** The one jittered retry of a read, inside the deadline. */
class UpstreamChannelRetryTest extends ChannelTestBase {

  @Test
  void retriesOnceAfterA503ThenSucceeds() {
    fake.answer(status(503, ""), json("{\"id\":\"user_1\"}"));
    String id = defaultChannel().exchange(get("/v1/users/user_1"), JSON_ID).await();
    assertThat(id).isEqualTo("user_1");
    assertThat(fake.received()).isEqualTo(2);
  }

  @Test
  void retriesOnlyOnceWhenTheUpstreamKeepsFailing() {
    fake.answer(status(502, ""));
    UpstreamFailure failure = failureOf(defaultChannel().exchange(get("/v1/users/u"), JSON_ID));
    assertThat(failure.kind()).isEqualTo(FailureKind.BAD_GATEWAY);
    assertThat(fake.received()).isEqualTo(2);
  }

  @Test
  void doesNotRetryA500() {
    fake.answer(status(500, ""), json("{\"id\":\"user_1\"}"));
    UpstreamFailure failure = failureOf(defaultChannel().exchange(get("/v1/users/u"), JSON_ID));
    assertThat(failure.kind()).isEqualTo(FailureKind.SERVER_ERROR);
    assertThat(fake.received()).isEqualTo(1);
  }

  @Test
  void doesNotRetryAPost() {
    fake.answer(status(503, ""), json("{\"id\":\"token\"}"));
    UpstreamRequest post = new UpstreamRequest(
        HttpMethod.POST, "/v1/auth/token", MultiMap.caseInsensitiveMultiMap(),
        Buffer.buffer("{}"));
    UpstreamFailure failure = failureOf(defaultChannel().exchange(post, JSON_ID));
    assertThat(failure.kind()).isEqualTo(FailureKind.BAD_GATEWAY);
    assertThat(fake.received()).isEqualTo(1);
  }

  @Test
  void skipsTheRetryWhenTheDeadlineLeavesNoRoom() {
    // The 503 arrives 220 ms into a 300 ms deadline: backoff plus a real attempt cannot fit.
    fake.answer(fake.delayed(220, status(503, "")), json("{\"id\":\"user_1\"}"));
    UpstreamChannel channel = channel(Duration.ofMillis(300), 8, 1000);
    long started = System.nanoTime();
    UpstreamFailure failure = failureOf(channel.exchange(get("/v1/users/u"), JSON_ID));
    assertThat(failure.kind()).isEqualTo(FailureKind.BAD_GATEWAY);
    assertThat(fake.received()).isEqualTo(1);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(300));
  }

  @Test
  void cutsOffASlowRetryAtTheSameDeadline() {
    fake.answer(status(503, ""), FakeUpstream.hang());
    UpstreamChannel channel = channel(Duration.ofMillis(400), 8, 1000);
    long started = System.nanoTime();
    UpstreamFailure failure = failureOf(channel.exchange(get("/v1/users/u"), JSON_ID));
    long took = System.nanoTime() - started;
    assertThat(failure.kind()).isEqualTo(FailureKind.TIMEOUT);
    assertThat(fake.received()).isEqualTo(2);
    assertThat(Duration.ofNanos(took)).isLessThan(Duration.ofMillis(800));
  }

  @Test
  void retryTakesItsOwnBudgetToken() {
    fake.answer(status(503, ""), json("{\"id\":\"user_1\"}"));
    UpstreamChannel channel = channel(Duration.ofSeconds(2), 8, 1);
    UpstreamFailure failure = failureOf(channel.exchange(get("/v1/users/u"), JSON_ID));
    assertThat(failure.kind()).isEqualTo(FailureKind.BUDGET_EXHAUSTED);
    assertThat(fake.received()).isEqualTo(1);
  }
}
