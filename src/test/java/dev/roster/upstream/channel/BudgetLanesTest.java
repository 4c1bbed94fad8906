package dev.roster.upstream.channel;

import static dev.roster.upstream.testing.FakeUpstream.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.config.CircuitBreakerOptions;
import dev.roster.config.UpstreamOptions;
import dev.roster.metrics.BudgetLaneMetrics;
import dev.roster.model.Provider;
import dev.roster.upstream.FailureKind;
import dev.roster.upstream.Lane;
import dev.roster.upstream.UpstreamChannel;
import dev.roster.upstream.UpstreamFailure;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Priority lanes over the request budget, through the real channel: background work spends only
 * the tokens callers can spare, whichever budget the guards supply (local or shared).
 */
class BudgetLanesTest extends ChannelTestBase {

  @Test
  void aCallersMissTakesTheLastTokensThatBackgroundWorkLeaves() {
    fake.answer(json("{\"id\":\"user_1\"}"));
    // 10 per second: background work leaves 1 token for callers.
    UpstreamChannel channel = channelWith(10, new RequestBudget(10, time));
    for (int i = 0; i < 9; i++) {
      assertThat(exchange(channel, Lane.BACKGROUND).await()).isEqualTo("user_1");
    }
    UpstreamFailure refused = failureOf(exchange(channel, Lane.BACKGROUND));
    assertThat(refused.kind()).isEqualTo(FailureKind.BUDGET_EXHAUSTED);
    assertThat(fake.received()).isEqualTo(9);

    assertThat(exchange(channel, Lane.INTERACTIVE).await()).isEqualTo("user_1");
    assertThat(fake.received()).isEqualTo(10);
    assertThat(tokens("background", "taken")).isEqualTo(9);
    assertThat(tokens("background", "refused")).isEqualTo(1);
    assertThat(tokens("interactive", "taken")).isEqualTo(1);
  }

  @Test
  void backgroundWorkStaysOffTheBudgetForASecondAfterACallerWasRefused() {
    fake.answer(json("{\"id\":\"user_1\"}"));
    UpstreamChannel channel = channelWith(10, new RequestBudget(10, time));
    for (int i = 0; i < 10; i++) {
      exchange(channel, Lane.INTERACTIVE).await();
    }
    assertThat(failureOf(exchange(channel, Lane.INTERACTIVE)).kind())
        .isEqualTo(FailureKind.BUDGET_EXHAUSTED);
    assertThat(tokens("interactive", "refused")).isEqualTo(1);

    time.advance(Duration.ofMillis(900));
    // Nine tokens are back, but callers were short less than a second ago.
    assertThat(failureOf(exchange(channel, Lane.BACKGROUND)).kind())
        .isEqualTo(FailureKind.BUDGET_EXHAUSTED);
    time.advance(Duration.ofMillis(100));
    assertThat(exchange(channel, Lane.BACKGROUND).await()).isEqualTo("user_1");
    assertThat(fake.received()).isEqualTo(11);
  }

  @Test
  void lanesWrapABudgetSharedWithOthersThatAnswersFromAnotherThread() {
    fake.answer(json("{\"id\":\"user_1\"}"));
    // A stand-in for the cluster's budget: its tokens are also spent by other replicas.
    AtomicLong shared = new AtomicLong(3);
    AtomicInteger asked = new AtomicInteger();
    UpstreamBudget clusterBudget = new UpstreamBudget() {
      @Override
      public Future<Duration> tryTake() {
        asked.incrementAndGet();
        Promise<Duration> answer = Promise.promise();
        new Thread(() -> answer.complete(
            shared.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? null : Duration.ofSeconds(1)))
            .start();
        return answer.future();
      }

      @Override
      public long available() {
        return shared.get();
      }
    };
    UpstreamChannel channel = channelWith(10, clusterBudget);
    assertThat(exchange(channel, Lane.BACKGROUND).await()).isEqualTo("user_1");
    assertThat(exchange(channel, Lane.BACKGROUND).await()).isEqualTo("user_1");
    // One token left, the reserve: background is refused without asking the shared budget.
    assertThat(failureOf(exchange(channel, Lane.BACKGROUND)).kind())
        .isEqualTo(FailureKind.BUDGET_EXHAUSTED);
    assertThat(asked).hasValue(2);
    assertThat(exchange(channel, Lane.INTERACTIVE).await()).isEqualTo("user_1");
    assertThat(failureOf(exchange(channel, Lane.INTERACTIVE)).kind())
        .isEqualTo(FailureKind.BUDGET_EXHAUSTED);
    assertThat(fake.received()).isEqualTo(3);
  }

  @Test
  void aRequestBuiltOnAdmissionIsNeverBuiltWhenTheBudgetRefuses() {
    fake.answer(json("{\"id\":\"user_1\"}"));
    UpstreamChannel channel = channelWith(1, new RequestBudget(1, time));
    AtomicInteger built = new AtomicInteger();
    assertThat(channel.exchangeWhenAdmitted(() -> {
      built.incrementAndGet();
      return get("/v1/users/u");
    }, JSON_ID, Lane.INTERACTIVE).await()).isEqualTo("user_1");
    UpstreamFailure refused = failureOf(channel.exchangeWhenAdmitted(() -> {
      built.incrementAndGet();
      return get("/v1/users/u");
    }, JSON_ID, Lane.INTERACTIVE));
    assertThat(refused.kind()).isEqualTo(FailureKind.BUDGET_EXHAUSTED);
    assertThat(built).hasValue(1);
  }

  private Future<String> exchange(UpstreamChannel channel, Lane lane) {
    return channel.exchange(get("/v1/users/u"), JSON_ID, lane);
  }

  private double tokens(String lane, String outcome) {
    return registry.get(BudgetLaneMetrics.TOKENS)
        .tags("app", "lance", "upstream", "clerk", "lane", lane, "outcome", outcome)
        .counter()
        .count();
  }

  private UpstreamChannel channelWith(int requestsPerSecond, UpstreamBudget budget) {
    UpstreamOptions options = new UpstreamOptions(Provider.CLERK, fake.baseUrl(),
        Duration.ofSeconds(2), 8, requestsPerSecond, new CircuitBreakerOptions(5, OPEN_FOR),
        "sk_test_rosterdemo0000000000000000", null, null, null, null);
    ChannelGuards guards = new ChannelGuards() {
      @Override
      public UpstreamBudget budget(String appName, UpstreamOptions ignored) {
        return budget;
      }

      @Override
      public UpstreamHold hold(String appName, UpstreamOptions ignored) {
        return new RateLimitHold(time);
      }
    };
    channel = UpstreamChannels.create(vertx, options, "lance", time, registry, guards);
    return channel;
  }
}
