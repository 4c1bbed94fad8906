package dev.roster.upstream.clerk;

import static dev.roster.upstream.clerk.ClerkClientTest.MEMBERSHIPS;
import static dev.roster.upstream.clerk.ClerkClientTest.ORG;
import static dev.roster.upstream.clerk.ClerkClientTest.USERS;
import static dev.roster.upstream.clerk.ClerkClientTest.failureOf;
import static dev.roster.upstream.clerk.ClerkClientTest.membership;
import static dev.roster.upstream.clerk.ClerkClientTest.membershipsAnswer;
import static dev.roster.upstream.clerk.ClerkClientTest.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.config.CircuitBreakerOptions;
import dev.roster.config.UpstreamOptions;
import dev.roster.model.Member;
import dev.roster.model.Provider;
import dev.roster.time.ManualTimeSource;
import dev.roster.upstream.FailureKind;
import dev.roster.upstream.UpstreamChannel;
import dev.roster.upstream.channel.UpstreamChannels;
import dev.roster.upstream.testing.FakeResponse;
import dev.roster.upstream.testing.FakeUpstream;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The first member list read after Clerk's circuit recovers is an answer, not a 503: the fetch
 * sends users and memberships at once, and the half-open breaker lets one of them be the probe
 * and the other follow it once it succeeded. The circuit's clock is moved by hand.
 */
class ClerkRecoveryTest {
  private static final Duration OPEN_FOR = Duration.ofSeconds(10);

  private final Vertx vertx = Vertx.vertx();
  private final ManualTimeSource time = new ManualTimeSource();
  private final FakeUpstream clerk = FakeUpstream.start(vertx).await();
  private final UpstreamOptions options = new UpstreamOptions(
      Provider.CLERK, clerk.baseUrl(), Duration.ofSeconds(5), 64, 1000,
      new CircuitBreakerOptions(5, OPEN_FOR), ClerkFake.SECRET, null, null, null, null);
  private final UpstreamChannel channel = UpstreamChannels.create(
      vertx, options, "lance", time, new SimpleMeterRegistry());
  private final ClerkClient client = new ClerkClient(channel, options);

  @AfterEach
  void stop() {
    channel.close();
    vertx.close().await();
  }

  @Test
  void theFirstMemberListAfterTheCircuitRecoversIsServed() throws Exception {
    clerk.on(HttpMethod.GET, ".*", FakeResponse.status(500));
    for (int i = 0; i < 5; i++) {
      assertThat(failureOf(client.fetchUser("user_a")).kind())
          .isEqualTo(FailureKind.SERVER_ERROR);
    }
    assertThat(failureOf(client.fetchMembers(ORG)).kind()).isEqualTo(FailureKind.CIRCUIT_OPEN);

    // Clerk is back; each answer takes a moment, so the two first requests overlap.
    clerk.on(HttpMethod.GET, USERS, r -> vertx.timer(100).map(v -> FakeResponse.json(200,
        new JsonArray().add(user("user_a", 1)).add(user("user_b", 2)))));
    clerk.on(HttpMethod.GET, MEMBERSHIPS, r -> vertx.timer(100).map(v -> membershipsAnswer(
        List.of(membership("user_a", "org:admin"), membership("user_b", "org:member")), 2)));
    time.advance(OPEN_FOR.plusMillis(1));

    List<Member> members = client.fetchMembers(ORG).await(10, TimeUnit.SECONDS);

    assertThat(members).extracting(m -> m.user().id()).containsExactlyInAnyOrder(
        "user_a", "user_b");
    assertThat(clerk.requests()).hasSize(5 + 2);
  }
}
