package dev.roster.lookup;

import static dev.roster.lookup.ClerkDirectoryFixture.caller;
import static dev.roster.lookup.ClerkDirectoryFixture.json;
import static dev.roster.lookup.ClerkDirectoryFixture.settle;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.auth.Caller;
import dev.roster.cache.CacheOutcome;
import dev.roster.sim.clerk.ClerkSeed;
import dev.roster.sim.fault.RecordedRequest;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Callers' misses before background refreshes when the request budget runs short, on the
 * hand-moved clock: the budget refills only as the test moves time, and the batch windows and
 * token polls fire only then.
 */
class BudgetPriorityTest {
  private static final Duration WINDOW = Duration.ofMillis(1);

  private ClerkDirectoryFixture fixture;

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void aCallersBatchWaitsForATokenAndKeepsGatheringInsteadOfBeingRefused() {
    fixture = new ClerkDirectoryFixture("authenticated", 2, "");
    for (String id : List.of(ClerkSeed.ACME_ADMIN_ID, ClerkSeed.ACME_MEMBER_ID)) {
      Future<Answer> spend = fixture.directory.getUser(caller("a"), id);
      advanceOnceScheduled(WINDOW);
      spend.await();
    }
    List<String> ids = ids(0, 50);
    List<Future<Answer>> answers = new ArrayList<>();
    for (String id : ids.subList(0, 30)) {
      answers.add(fixture.directory.getUser(caller("a"), id));
    }
    advanceOnceScheduled(WINDOW);
    // Refused: the budget is spent. The batch stays open and gathers the next misses.
    for (String id : ids.subList(30, 50)) {
      answers.add(fixture.directory.getUser(caller("a"), id));
    }
    advanceOnceScheduled(Duration.ofMillis(300));
    assertThat(answers).noneMatch(Future::isComplete);
    assertThat(fixture.clerk.requestCount()).isEqualTo(2);

    // The next token is due half a second after the refusal. The batch's wait for it is set on
    // an event loop, which a loaded machine may reach after a step of the clock: move the clock
    // in small steps until the batch has its answer, rather than once by a fixed amount.
    fixture.waitUntil(
        () -> {
          fixture.timers.advance(Duration.ofMillis(50));
          return answers.stream().allMatch(Future::isComplete);
        });
    settle(answers);

    for (int i = 0; i < ids.size(); i++) {
      assertThat(json(answers.get(i).result()).getString("id")).isEqualTo(ids.get(i));
    }
    assertThat(fixture.clerk.requestCount()).isEqualTo(3);
    assertThat(fixture.clerk.requests().get(2).params("user_id"))
        .containsExactlyInAnyOrderElementsOf(ids);
  }

  /**
   * Moves the manual timers once the directory has scheduled its next timer: the batch's window
   * or its wait for a token is scheduled on an event loop, so moving the clock before it is
   * scheduled would leave it waiting for a tick that never comes.
   */
  private void advanceOnceScheduled(Duration duration) {
    fixture.waitUntil(() -> fixture.timers.pending() > 0);
    fixture.timers.advance(duration);
  }

  @Test
  void coldMissesGetTheTokensFirstDuringARefreshStormAndRefreshesComeAfter() {
    fixture = new ClerkDirectoryFixture("authenticated", 10, "");
    AppDirectory directory = fixture.directory;
    List<String> warm = ids(0, 1000);
    List<String> cold = ids(1000, 1200);
    List<Future<Answer>> warming = read(warm);
    settle(warming);
    assertThat(warming).allMatch(Future::succeeded);
    fixture.timers.advance(Duration.ofSeconds(61));

    // The storm: every cached user is stale; each read is answered at once and asks for a
    // refresh. Background work takes tokens down to the callers' reserve (1 of 10).
    List<Future<Answer>> storm = read(warm);
    assertThat(storm).allSatisfy(a -> assertThat(a.result().outcome()).isEqualTo(CacheOutcome.STALE));
    fixture.waitUntil(() -> freshCount(warm) == 900);
    int beforeColdMisses = fixture.clerk.requestCount();
    assertThat(beforeColdMisses).isEqualTo(10 + 9);

    // Cold misses arrive, ten every 100 ms for 2 s (one token per 100 ms), while every stale
    // user keeps being read. Each round waits for its misses, so the clock never runs ahead
    // of a loaded machine.
    List<Future<Answer>> coldAnswers = new ArrayList<>();
    for (int round = 0; round < 20; round++) {
      fixture.timers.advance(Duration.ofMillis(99));
      List<Future<Answer>> arrived = read(cold.subList(round * 10, round * 10 + 10));
      coldAnswers.addAll(arrived);
      read(warm);
      fixture.timers.advance(WINDOW);
      fixture.waitUntil(() -> arrived.stream().allMatch(Future::isComplete));
    }
    settle(coldAnswers);

    for (int i = 0; i < cold.size(); i++) {
      Future<Answer> answer = coldAnswers.get(i);
      assertThat(answer.succeeded()).as("cold miss %d", i).isTrue();
      assertThat(json(answer.result()).getString("id")).isEqualTo(cold.get(i));
      assertThat(answer.result().outcome()).isEqualTo(CacheOutcome.MISS_STORED);
    }
    List<RecordedRequest> duringColdMisses = fixture.clerk.requests().subList(beforeColdMisses,
        fixture.clerk.requestCount());
    Set<String> coldIds = new HashSet<>(cold);
    assertThat(duringColdMisses).hasSize(20).allSatisfy(
        r -> assertThat(r.params("user_id")).anyMatch(coldIds::contains));

    // Refreshes after: once callers no longer need the tokens, every stale user is refreshed.
    fixture.waitUntil(() -> {
      fixture.timers.advance(Duration.ofMillis(100));
      return allFresh(warm);
    });
  }

  @Test
  void aStaleMemberListIsRefreshedInTheBackgroundLaneAndACallersMissInTheInteractiveOne() {
    fixture = new ClerkDirectoryFixture("org", 1000, "");
    Caller member = caller(ClerkSeed.ACME_MEMBER_ID, ClerkSeed.ACME_ORG_ID, "org:member");
    fixture.directory.listMembers(member, 0, null).await();
    assertThat(tokens("interactive")).isEqualTo(2);
    fixture.timers.advance(Duration.ofSeconds(61));

    Answer stale = fixture.directory.listMembers(member, 0, null).await();
    fixture.waitUntil(() -> fixture.clerk.requestCount() == 4);

    assertThat(stale.outcome()).isEqualTo(CacheOutcome.STALE);
    assertThat(tokens("background")).isEqualTo(2);
    assertThat(tokens("interactive")).isEqualTo(2);
  }

  private double tokens(String lane) {
    return fixture.registry.get("roster_upstream_budget_lane_tokens_total")
        .tags("lane", lane, "outcome", "taken")
        .counter()
        .count();
  }

  /** Reads every id (a stale one asks for a refresh); whether all were fresh. */
  private boolean allFresh(List<String> ids) {
    return freshCount(ids) == ids.size();
  }

  private int freshCount(List<String> ids) {
    int fresh = 0;
    for (Future<Answer> answer : read(ids)) {
      if (answer.isComplete() && answer.result().outcome() == CacheOutcome.HIT) {
        fresh++;
      }
    }
    return fresh;
  }

  private List<Future<Answer>> read(List<String> ids) {
    List<Future<Answer>> answers = new ArrayList<>();
    for (String id : ids) {
      answers.add(fixture.directory.getUser(caller("a"), id));
    }
    return answers;
  }

  private static List<String> ids(int from, int to) {
    List<String> ids = new ArrayList<>();
    for (int i = from; i < to; i++) {
      ids.add(ClerkSeed.bigOrgUserId(i));
    }
    return ids;
  }
}
