package dev.roster.lookup;

import static dev.roster.lookup.ClerkDirectoryFixture.caller;
import static dev.roster.lookup.ClerkDirectoryFixture.json;
import static dev.roster.lookup.ClerkDirectoryFixture.settle;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.cache.CacheOutcome;
import dev.roster.sim.clerk.ClerkSeed;
import dev.roster.sim.fault.Fault;
import dev.roster.sim.fault.RecordedRequest;
import dev.roster.upstream.FailureKind;
import dev.roster.upstream.UpstreamFailure;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Cross-key batching seen from the use case: single-user misses of one Clerk app share {@code
 * GET /v1/users?user_id=...} calls, and every caller still gets exactly its own answer. The
 * batch window is a timer on the hand-moved clock: nothing goes out until the test moves it.
 */
class UserBatchingTest {
  private static final Duration WINDOW = Duration.ofMillis(1);

  private ClerkDirectoryFixture fixture;

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void fiveHundredConcurrentMissesForDistinctUsersTakeAtMostFiveUpstreamCalls() throws Exception {
    fixture = new ClerkDirectoryFixture("authenticated", "");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      ids.add(ClerkSeed.bigOrgUserId(i));
    }
    // Four threads at once: the callers of several event loops share the open batch.
    List<Future<Answer>> answers = new ArrayList<>();
    ExecutorService callers = Executors.newFixedThreadPool(4);
    List<java.util.concurrent.Future<List<Future<Answer>>>> parts = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      List<String> mine = ids.subList(t * 125, (t + 1) * 125);
      parts.add(callers.submit(() -> {
        List<Future<Answer>> started = new ArrayList<>();
        for (String id : mine) {
          started.add(fixture.directory.getUser(caller("user_caller"), id));
        }
        return started;
      }));
    }
    for (var part : parts) {
      answers.addAll(part.get(20, TimeUnit.SECONDS));
    }
    callers.shutdown();
    fixture.timers.advance(WINDOW);
    settle(answers);

    assertThat(fixture.clerk.requestCount()).isLessThanOrEqualTo(5);
    for (int i = 0; i < 500; i++) {
      assertThat(answers.get(i).succeeded()).as("answer %d", i).isTrue();
      assertThat(json(answers.get(i).result()).getString("id")).isEqualTo(ids.get(i));
      assertThat(answers.get(i).result().outcome()).isEqualTo(CacheOutcome.MISS_STORED);
    }
    List<String> asked = new ArrayList<>();
    for (RecordedRequest request : fixture.clerk.requests()) {
      assertThat(request.path()).isEqualTo("/v1/users");
      assertThat(request.params("user_id")).hasSizeLessThanOrEqualTo(100);
      asked.addAll(request.params("user_id"));
    }
    assertThat(asked).containsExactlyInAnyOrderElementsOf(ids);
  }

  @Test
  void nothingGoesOutBeforeTheWindowAndALoneMissGoesAsTheSingleUserRead() {
    fixture = new ClerkDirectoryFixture("authenticated", "");
    Future<Answer> answer =
        fixture.directory.getUser(caller("user_caller"), ClerkSeed.ACME_MEMBER_ID);

    assertThat(fixture.timers.pending()).isEqualTo(1);
    assertThat(fixture.clerk.requestCount()).isZero();
    fixture.timers.advance(WINDOW);

    assertThat(json(answer.await()).getString("id")).isEqualTo(ClerkSeed.ACME_MEMBER_ID);
    assertThat(fixture.clerk.requests())
        .extracting(RecordedRequest::path)
        .containsExactly("/v1/users/" + ClerkSeed.ACME_MEMBER_ID);
  }

  @Test
  void aKeyAlreadyAskedJoinsItsCallWhetherTheBatchIsOpenOrInFlight() {
    fixture = new ClerkDirectoryFixture("authenticated", "");
    fixture.clerk.faults().add(Fault.latency(300).times(1));
    Future<Answer> first = fixture.directory.getUser(caller("a"), ClerkSeed.ACME_ADMIN_ID);
    Future<Answer> sameWhileOpen = fixture.directory.getUser(caller("b"), ClerkSeed.ACME_ADMIN_ID);
    Future<Answer> other = fixture.directory.getUser(caller("c"), ClerkSeed.ACME_MEMBER_ID);
    fixture.timers.advance(WINDOW);
    Future<Answer> sameWhileInFlight =
        fixture.directory.getUser(caller("d"), ClerkSeed.ACME_ADMIN_ID);
    assertThat(fixture.timers.pending()).isZero();

    settle(List.of(first, sameWhileOpen, other, sameWhileInFlight));
    assertThat(fixture.clerk.requests()).hasSize(1);
    assertThat(fixture.clerk.requests().get(0).params("user_id"))
        .containsExactlyInAnyOrder(ClerkSeed.ACME_ADMIN_ID, ClerkSeed.ACME_MEMBER_ID);
    assertThat(json(first.result()).getString("id")).isEqualTo(ClerkSeed.ACME_ADMIN_ID);
    assertThat(json(sameWhileOpen.result()).getString("id")).isEqualTo(ClerkSeed.ACME_ADMIN_ID);
    assertThat(json(sameWhileInFlight.result()).getString("id"))
        .isEqualTo(ClerkSeed.ACME_ADMIN_ID);
    assertThat(sameWhileInFlight.result().outcome()).isEqualTo(CacheOutcome.MISS_COLLAPSED);
    assertThat(json(other.result()).getString("id")).isEqualTo(ClerkSeed.ACME_MEMBER_ID);
  }

  @Test
  void aFailedBatchServesStaleToCallersThatHaveItAndFailsTheOthers() {
    fixture = new ClerkDirectoryFixture("authenticated", "");
    Future<Answer> warm = fixture.directory.getUser(caller("a"), ClerkSeed.ACME_ADMIN_ID);
    fixture.timers.advance(WINDOW);
    warm.await();
    // Past ttl and staleWhileRevalidate, within staleIfError: a read waits for the upstream.
    fixture.timers.advance(Duration.ofMinutes(7));
    fixture.clerk.clearRequests();
    fixture.clerk.faults().add(Fault.status(500).times(1));

    Future<Answer> stale = fixture.directory.getUser(caller("a"), ClerkSeed.ACME_ADMIN_ID);
    Future<Answer> cold = fixture.directory.getUser(caller("b"), ClerkSeed.ACME_MEMBER_ID);
    fixture.timers.advance(WINDOW);
    settle(List.of(stale, cold));

    assertThat(fixture.clerk.requestCount()).isEqualTo(1);
    assertThat(stale.result().outcome()).isEqualTo(CacheOutcome.STALE_IF_ERROR);
    assertThat(json(stale.result()).getString("id")).isEqualTo(ClerkSeed.ACME_ADMIN_ID);
    assertThat(cold.cause()).isInstanceOf(UpstreamFailure.class);
    assertThat(((UpstreamFailure) cold.cause()).kind()).isEqualTo(FailureKind.SERVER_ERROR);
  }

  @Test
  void withAZeroWindowEveryMissIsItsOwnCall() {
    fixture = new ClerkDirectoryFixture("authenticated", "batchWindow: 0ms");
    Future<Answer> a = fixture.directory.getUser(caller("a"), ClerkSeed.ACME_ADMIN_ID);
    Future<Answer> b = fixture.directory.getUser(caller("b"), ClerkSeed.ACME_MEMBER_ID);
    Future.join(a, b).await();

    assertThat(fixture.timers.pending()).isZero();
    assertThat(fixture.clerk.requests())
        .extracting(RecordedRequest::path)
        .containsExactlyInAnyOrder(
            "/v1/users/" + ClerkSeed.ACME_ADMIN_ID, "/v1/users/" + ClerkSeed.ACME_MEMBER_ID);
  }
}
