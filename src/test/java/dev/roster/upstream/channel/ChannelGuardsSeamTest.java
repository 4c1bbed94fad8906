package dev.roster.upstream.channel;

import static dev.roster.upstream.testing.FakeUpstream.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.config.CircuitBreakerOptions;
import dev.roster.config.UpstreamOptions;
import dev.roster.model.Provider;
import dev.roster.upstream.FailureKind;
import dev.roster.upstream.UpstreamChannel;
import dev.roster.upstream.UpstreamFailure;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Budget and hold come from the injected {@link ChannelGuards}, not from inside the factory. */
class ChannelGuardsSeamTest extends ChannelTestBase {

  @Test
  void refusalByAnInjectedBudgetFailsFastWithoutReachingTheUpstream() {
    fake.answer(json("{\"id\":\"user_1\"}"));
    AtomicInteger takes = new AtomicInteger();
    UpstreamBudget refusing = new UpstreamBudget() {
      @Override
      public Future<Duration> tryTake() {
        takes.incrementAndGet();
        return Future.succeededFuture(Duration.ofSeconds(7));
      }

      @Override
      public long available() {
        return 0;
      }
    };
    UpstreamChannel channel = channelWith(refusing, new RateLimitHold(time));
    UpstreamFailure refused = failureOf(channel.exchange(get("/v1/users/u"), JSON_ID));
    assertThat(refused.kind()).isEqualTo(FailureKind.BUDGET_EXHAUSTED);
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    assertThat(takes).hasValue(1);
    assertThat(fake.received()).isZero();
  }

  @Test
  void aBudgetThatAnswersLaterFromAnotherThreadLetsTheCallThrough() {
    fake.answer(json("{\"id\":\"user_1\"}"));
    UpstreamBudget later = new UpstreamBudget() {
      @Override
      public Future<Duration> tryTake() {
        Promise<Duration> answer = Promise.promise();
        new Thread(() -> answer.complete(null)).start();
        return answer.future();
      }

      @Override
      public long available() {
        return 1;
      }
    };
    UpstreamChannel channel = channelWith(later, new RateLimitHold(time));
    assertThat(channel.exchange(get("/v1/users/u"), JSON_ID).await()).isEqualTo("user_1");
    assertThat(fake.received()).isEqualTo(1);
  }

  @Test
  void aHoldSetOutsideTheChannelHoldsIt() {
    fake.answer(json("{\"id\":\"user_1\"}"));
    RateLimitHold shared = new RateLimitHold(time);
    UpstreamChannel channel = channelWith(new RequestBudget(100, time), shared);
    shared.holdFor(Duration.ofSeconds(3));
    UpstreamFailure held = failureOf(channel.exchange(get("/v1/users/u"), JSON_ID));
    assertThat(held.kind()).isEqualTo(FailureKind.RATE_LIMITED);
    assertThat(fake.received()).isZero();
    time.advance(Duration.ofSeconds(3));
    assertThat(channel.exchange(get("/v1/users/u"), JSON_ID).await()).isEqualTo("user_1");
  }

  private UpstreamChannel channelWith(UpstreamBudget budget, UpstreamHold hold) {
    UpstreamOptions options = new UpstreamOptions(Provider.CLERK, fake.baseUrl(),
        Duration.ofSeconds(2), 8, 1000, new CircuitBreakerOptions(5, OPEN_FOR),
        "sk_test_rosterdemo0000000000000000", null, null, null, null);
    ChannelGuards guards = new ChannelGuards() {
      @Override
      public UpstreamBudget budget(String appName, UpstreamOptions ignored) {
        return budget;
      }

      @Override
      public UpstreamHold hold(String appName, UpstreamOptions ignored) {
        return hold;
      }
    };
    channel = UpstreamChannels.create(vertx, options, "lance", time, registry, guards);
    return channel;
  }
}
