package dev.roster.upstream.clerk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.config.CircuitBreakerOptions;
import dev.roster.config.UpstreamOptions;
import dev.roster.model.Provider;
import dev.roster.model.User;
import dev.roster.time.ManualTimeSource;
import dev.roster.time.ManualTimerSource;
import dev.roster.time.TimerSource;
import dev.roster.upstream.FailureKind;
import dev.roster.upstream.Lane;
import dev.roster.upstream.ResponseDecoder;
import dev.roster.upstream.UpstreamChannel;
import dev.roster.upstream.UpstreamRequest;
import dev.roster.upstream.UpstreamFailure;
import dev.roster.upstream.testing.DirectChannel;
import dev.roster.upstream.testing.FakeResponse;
import dev.roster.upstream.testing.FakeUpstream;
import dev.roster.upstream.testing.RecordedRequest;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Clerk client's batching of single-user reads, against a recording fake Clerk. */
class ClerkUserBatcherTest {
  private static final Duration WINDOW = Duration.ofMillis(2);

  private Vertx vertx;
  private FakeUpstream clerk;
  private ManualTimerSource timers;
  private ClerkClient client;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    clerk = FakeUpstream.start(vertx).await();
    timers = new ManualTimerSource(new ManualTimeSource());
    client = new ClerkClient(new DirectChannel(vertx, clerk.baseUrl()), options(90), timers);
    // Answers with every asked user that exists (ids ending in "gone" do not) and one extra.
    clerk.on(HttpMethod.GET, "/v1/users", request -> {
      JsonArray users = new JsonArray();
      for (String id : request.params().getAll("user_id")) {
        if (!id.endsWith("gone")) {
          users.add(ClerkClientTest.user(id, 1));
        }
      }
      users.add(ClerkClientTest.user("user_nobody_asked", 1));
      return Future.succeededFuture(FakeResponse.json(200, users));
    });
  }

  private UpstreamOptions options(int requestsPerSecond) {
    return new UpstreamOptions(
        Provider.CLERK, clerk.baseUrl(), Duration.ofSeconds(3), 64, requestsPerSecond,
        CircuitBreakerOptions.DEFAULTS, ClerkFake.SECRET, null, null, null, null, WINDOW);
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  @Test
  void answersEachIdWithItsOwnUserAndIgnoresUsersNobodyAskedFor() {
    Future<Optional<User>> a = client.fetchUser("user_a");
    Future<Optional<User>> gone = client.fetchUser("user_gone");
    Future<Optional<User>> aAgain = client.fetchUser("user_a");
    timers.advance(WINDOW);

    assertThat(a.await()).map(User::id).contains("user_a");
    assertThat(aAgain.await()).map(User::id).contains("user_a");
    assertThat(gone.await()).isEmpty();
    assertThat(clerk.requests()).hasSize(1);
    assertThat(clerk.requests().get(0).params().getAll("user_id"))
        .containsExactly("user_a", "user_gone");
    assertThat(clerk.requests().get(0).params().get("limit")).isEqualTo("100");
  }

  @Test
  void withNothingInFlightABatchGoesAtTheNextStepWithoutWaitingAWindow() {
    Future<Optional<User>> a = client.fetchUser("user_a");
    Future<Optional<User>> b = client.fetchUser("user_b");
    timers.runDue(); // the clock does not move

    assertThat(a.await()).map(User::id).contains("user_a");
    assertThat(b.await()).map(User::id).contains("user_b");
    assertThat(clerk.requests()).hasSize(1);
    assertThat(clerk.requests().get(0).params().getAll("user_id"))
        .containsExactly("user_a", "user_b");
  }

  @Test
  void onVertxTimersTheMissesOfOneEventLoopTurnShareACallAndNoneWaitsTheWindow() {
    // A window of an hour: a batch that waited for it would never be answered in this test.
    UpstreamOptions hourWindow =
        new UpstreamOptions(
            Provider.CLERK, clerk.baseUrl(), Duration.ofSeconds(3), 64, 90,
            CircuitBreakerOptions.DEFAULTS, ClerkFake.SECRET, null, null, null, null,
            Duration.ofHours(1));
    ClerkClient onVertx =
        new ClerkClient(
            new DirectChannel(vertx, clerk.baseUrl()), hourWindow, TimerSource.of(vertx));
    Promise<List<Future<Optional<User>>>> asked = Promise.promise();
    vertx.runOnContext(
        ignored ->
            asked.complete(List.of(onVertx.fetchUser("user_a"), onVertx.fetchUser("user_b"))));
    List<Future<Optional<User>>> answers = asked.future().await();
    Future.all(answers).await();

    assertThat(answers.get(0).result()).map(User::id).contains("user_a");
    assertThat(answers.get(1).result()).map(User::id).contains("user_b");
    assertThat(clerk.requests()).hasSize(1);
    assertThat(clerk.requests().get(0).params().getAll("user_id"))
        .containsExactly("user_a", "user_b");
  }

  @Test
  void aFullBatchGoesAtOnceAndTheNextGathersLongerWhileItIsInFlight() {
    List<Future<Optional<User>>> answers = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      answers.add(client.fetchUser("user_" + i));
    }
    answers.get(99).await();
    assertThat(clerk.requests()).hasSize(1);
    assertThat(answers.get(100).isComplete()).isFalse();

    // Opened while a call was in flight: it gathers for twenty windows, not one.
    timers.advance(WINDOW);
    assertThat(timers.pending()).isEqualTo(1);
    timers.advance(WINDOW.multipliedBy(ClerkUserBatcher.BUSY_WINDOWS - 1));
    for (int i = 0; i < 150; i++) {
      assertThat(answers.get(i).await()).map(User::id).contains("user_" + i);
    }
    assertThat(clerk.requests())
        .extracting(r -> r.params().getAll("user_id").size())
        .containsExactly(100, 50);
  }

  @Test
  void aMalformedBatchAnswerFailsEveryIdOfIt() {
    clerk.on(HttpMethod.GET, "/v1/users",
        FakeResponse.raw(200, "application/json", "[{\"id\": \"user_a\""));
    Future<Optional<User>> a = client.fetchUser("user_a");
    Future<Optional<User>> b = client.fetchUser("user_b");
    timers.advance(WINDOW);

    for (Future<Optional<User>> answer : List.of(a, b)) {
      answer.otherwiseEmpty().await();
      Throwable failure = answer.cause();
      assertThat(failure).isInstanceOf(UpstreamFailure.class);
      assertThat(((UpstreamFailure) failure).kind()).isEqualTo(FailureKind.MALFORMED);
    }
  }

  @Test
  void waitingRefreshesRideAlongInACallersBatchThatHasRoom() {
    Future<Optional<User>> miss = client.fetchUser("user_m", Lane.INTERACTIVE);
    Future<Optional<User>> refresh = client.fetchUser("user_r", Lane.BACKGROUND);
    timers.advance(WINDOW);

    assertThat(miss.await()).map(User::id).contains("user_m");
    assertThat(refresh.await()).map(User::id).contains("user_r");
    assertThat(clerk.requests()).hasSize(1);
    assertThat(clerk.requests().get(0).params().getAll("user_id"))
        .containsExactly("user_m", "user_r");
  }

  @Test
  void aCallersBatchGivesUpAfterWaitingASecondForABudgetToken() {
    List<Integer> attempts = new ArrayList<>();
    UpstreamChannel refusing = new UpstreamChannel() {
      @Override
      public <T> Future<T> exchange(UpstreamRequest request, ResponseDecoder<T> decoder) {
        return exchangeWhenAdmitted(() -> request, decoder, Lane.INTERACTIVE);
      }

      @Override
      public <T> Future<T> exchangeWhenAdmitted(
          Supplier<UpstreamRequest> request, ResponseDecoder<T> decoder, Lane lane) {
        attempts.add(1);
        return Future.failedFuture(new UpstreamFailure(
            FailureKind.BUDGET_EXHAUSTED, "spent", Duration.ofSeconds(1)));
      }

      @Override
      public void close() {}
    };
    ClerkClient starved = new ClerkClient(refusing, options(90), timers);
    Future<Optional<User>> miss = starved.fetchUser("user_m", Lane.INTERACTIVE);
    timers.advance(WINDOW);
    timers.advance(Duration.ofMillis(900));
    assertThat(miss.isComplete()).isFalse();

    timers.advance(Duration.ofMillis(200));
    miss.otherwiseEmpty().await();
    assertThat(((UpstreamFailure) miss.cause()).kind()).isEqualTo(FailureKind.BUDGET_EXHAUSTED);
    // Asked every 1 s / 90 (11 ms) for a second, then gave up.
    assertThat(attempts.size()).isBetween(85, 92);

    Future<Optional<User>> refresh = starved.fetchUser("user_r", Lane.BACKGROUND);
    timers.advance(WINDOW);
    refresh.otherwiseEmpty().await();
    assertThat(refresh.failed()).isTrue();
    assertThat(timers.pending()).isZero();
  }

  @Test
  void aBatchOfOneIsTheSingleUserRead() {
    clerk.on(HttpMethod.GET, "/v1/users/user_a",
        FakeResponse.json(200, ClerkClientTest.user("user_a", 1)));
    Future<Optional<User>> a = client.fetchUser("user_a");
    timers.advance(WINDOW);

    assertThat(a.await()).map(User::id).contains("user_a");
    assertThat(clerk.requests()).extracting(RecordedRequest::path).containsExactly("/v1/users/user_a");
  }
}
