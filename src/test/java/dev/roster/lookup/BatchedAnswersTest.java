package dev.roster.lookup;

import static dev.roster.lookup.ClerkDirectoryFixture.caller;
import static dev.roster.lookup.ClerkDirectoryFixture.json;
import static dev.roster.lookup.ClerkDirectoryFixture.settle;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.auth.Caller;
import dev.roster.sim.clerk.ClerkSeed;
import dev.roster.sim.fault.Fault;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One batch, many kinds of answer: each caller of a batched call is answered as if its miss had
 * gone alone (visibility, views, unknown and deleted users, tombstones).
 */
class BatchedAnswersTest {
  private static final Duration WINDOW = Duration.ofMillis(1);
  private static final Caller ADMIN =
      caller(ClerkSeed.ACME_ADMIN_ID, ClerkSeed.ACME_ORG_ID, "org:admin");
  private static final Caller MEMBER =
      caller(ClerkSeed.ACME_MEMBER_ID, ClerkSeed.ACME_ORG_ID, "org:member");

  private ClerkDirectoryFixture fixture;

  @BeforeEach
  void start() {
    fixture = new ClerkDirectoryFixture("org", "");
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void eachCallerOfABatchGetsItsOwnAnswer() {
    AppDirectory directory = fixture.directory;
    // The organisation's list is cached (it fills its users); the users are then purged so
    // that reading them is a miss decided by the cached list.
    directory.listMembers(ADMIN, 0, null).await();
    directory.evictUser(ClerkSeed.ACME_ADMIN_ID);
    directory.evictUser(ClerkSeed.LOCKED_USER_ID);
    fixture.clerk.deleteUser(ClerkSeed.LOCKED_USER_ID);
    directory.userDeleted(ClerkSeed.NO_ORG_USER_ID);
    fixture.timers.advance(Duration.ofMillis(1));
    fixture.clerk.clearRequests();
    fixture.clerk.faults().add(Fault.latency(300).times(1));

    Future<Answer> adminSelf = directory.getUser(ADMIN, ClerkSeed.ACME_ADMIN_ID);
    Future<Answer> memberReadsAdmin = directory.getUser(MEMBER, ClerkSeed.ACME_ADMIN_ID);
    Future<Answer> deletedUpstream = directory.getUser(MEMBER, ClerkSeed.LOCKED_USER_ID);
    Future<Answer> notVisible = directory.getUser(MEMBER, ClerkSeed.bigOrgUserId(0));
    Future<Answer> unknown =
        directory.getUser(caller(ClerkSeed.UNKNOWN_USER_ID), ClerkSeed.UNKNOWN_USER_ID);
    Future<Answer> tombstoned =
        directory.getUser(caller(ClerkSeed.NO_ORG_USER_ID), ClerkSeed.NO_ORG_USER_ID);
    Future<Answer> deletedInFlight =
        directory.getUser(caller(ClerkSeed.EMPTY_ORG_ADMIN_ID), ClerkSeed.EMPTY_ORG_ADMIN_ID);
    fixture.timers.advance(WINDOW);
    // A user.deleted webhook while the batch is on its way: that user's answer is a 404.
    fixture.timers.advance(Duration.ofMillis(1));
    directory.userDeleted(ClerkSeed.EMPTY_ORG_ADMIN_ID);
    settle(List.of(adminSelf, memberReadsAdmin, deletedUpstream, notVisible, unknown, tombstoned,
                deletedInFlight));

    assertThat(fixture.clerk.requests()).hasSize(1);
    assertThat(fixture.clerk.requests().get(0).params("user_id"))
        .containsExactlyInAnyOrder(
            ClerkSeed.ACME_ADMIN_ID, ClerkSeed.LOCKED_USER_ID, ClerkSeed.UNKNOWN_USER_ID,
            ClerkSeed.EMPTY_ORG_ADMIN_ID);
    assertThat(json(adminSelf.result()).getJsonObject("privateMetadata")).isNotEmpty();
    assertThat(json(memberReadsAdmin.result()).getString("id")).isEqualTo(ClerkSeed.ACME_ADMIN_ID);
    assertThat(json(memberReadsAdmin.result()).getJsonObject("privateMetadata")).isEmpty();
    assertThat(deletedUpstream.cause()).isSameAs(UserNotFound.INSTANCE);
    assertThat(notVisible.cause()).isSameAs(UserNotFound.INSTANCE);
    assertThat(unknown.cause()).isSameAs(UserNotFound.INSTANCE);
    assertThat(tombstoned.cause()).isSameAs(UserNotFound.INSTANCE);
    assertThat(deletedInFlight.cause()).isSameAs(UserNotFound.INSTANCE);

    // The unknown id is remembered as not found: asking again costs no call.
    Future<Answer> again =
        directory.getUser(caller(ClerkSeed.UNKNOWN_USER_ID), ClerkSeed.UNKNOWN_USER_ID);
    assertThat(fixture.timers.pending()).isZero();
    assertThat(again.cause()).isSameAs(UserNotFound.INSTANCE);
    assertThat(fixture.clerk.requests()).hasSize(1);
  }

  @Test
  void aUserDeletedUpstreamIsDroppedFromTheCachedListThatNamedIt() {
    AppDirectory directory = fixture.directory;
    directory.listMembers(ADMIN, 0, null).await();
    directory.evictUser(ClerkSeed.LOCKED_USER_ID);
    fixture.clerk.deleteUser(ClerkSeed.LOCKED_USER_ID);

    Future<Answer> gone = directory.getUser(MEMBER, ClerkSeed.LOCKED_USER_ID);
    fixture.timers.advance(WINDOW);
    settle(List.of(gone));
    Answer list = directory.listMembers(ADMIN, 0, null).await();

    assertThat(gone.cause()).isSameAs(UserNotFound.INSTANCE);
    assertThat(list.body().bytes().toJsonArray().stream()
            .map(o -> ((io.vertx.core.json.JsonObject) o).getString("id")))
        .hasSize(ClerkSeed.ACME_MEMBER_COUNT - 1)
        .doesNotContain(ClerkSeed.LOCKED_USER_ID);
  }
}
