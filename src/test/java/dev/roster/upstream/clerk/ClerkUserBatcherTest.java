package dev.roster.upstream.clerk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.config.CircuitBreakerOptions;
import dev.roster.config.UpstreamOptions;
import dev.roster.model.Provider;
import dev.roster.model.User;
import dev.roster.time.ManualTimeSource;
import dev.roster.time.ManualTimerSource;
import dev.roster.upstream.FailureKind;
import dev.roster.upstream.UpstreamFailure;
import dev.roster.upstream.testing.DirectChannel;
import dev.roster.upstream.testing.FakeResponse;
import dev.roster.upstream.testing.FakeUpstream;
import dev.roster.upstream.testing.RecordedRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    UpstreamOptions options =
        new UpstreamOptions(
            Provider.CLERK, clerk.baseUrl(), Duration.ofSeconds(3), 64, 90,
            CircuitBreakerOptions.DEFAULTS, ClerkFake.SECRET, null, null, null, null, WINDOW);
    client = new ClerkClient(new DirectChannel(vertx, clerk.baseUrl()), options, timers);
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
  void aFullBatchGoesAtOnceWithoutWaitingForTheWindow() {
    List<Future<Optional<User>>> answers = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      answers.add(client.fetchUser("user_" + i));
    }
    answers.get(99).await();
    assertThat(clerk.requests()).hasSize(1);
    assertThat(answers.get(100).isComplete()).isFalse();

    timers.advance(WINDOW);
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
  void aBatchOfOneIsTheSingleUserRead() {
    clerk.on(HttpMethod.GET, "/v1/users/user_a",
        FakeResponse.json(200, ClerkClientTest.user("user_a", 1)));
    Future<Optional<User>> a = client.fetchUser("user_a");
    timers.advance(WINDOW);

    assertThat(a.await()).map(User::id).contains("user_a");
    assertThat(clerk.requests()).extracting(RecordedRequest::path).containsExactly("/v1/users/user_a");
  }
}
