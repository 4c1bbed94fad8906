package dev.roster.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.config.CircuitBreakerOptions;
import dev.roster.config.UpstreamOptions;
import dev.roster.model.Member;
import dev.roster.model.Provider;
import dev.roster.upstream.clerk.ClerkClient;
import dev.roster.upstream.testing.DirectChannel;
import dev.roster.upstream.testing.FakeResponse;
import dev.roster.upstream.testing.FakeUpstream;
import dev.roster.upstream.testing.Fixtures;
import dev.roster.upstream.testing.RecordedRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A 1,200-member organisation whose members share creation times in groups of nine, so ties
 * straddle the 500-member page boundaries, served by an upstream that breaks ties its own way
 * (newest first, then id descending; memberships in yet another order): Roster still lists
 * every member once, ordered by createdAt then id (SPEC §2.2).
 */
class MemberTieOrderTest {
  private static final String ORG = "org_2tiesAcrossPages000000001";
  private static final int MEMBERS = 1_200;
  private static final int TIE_GROUP = 9;

  private final Vertx vertx = Vertx.vertx();
  private final FakeUpstream clerk = FakeUpstream.start(vertx).await();

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  private static String id(int i) {
    return String.format("user_2tie%04d", i);
  }

  private static long createdAt(int i) {
    return 1_700_000_000_000L + i / TIE_GROUP;
  }

  /** The upstream's own order: newest first, ties by id descending (not Roster's order). */
  private static final Comparator<Integer> UPSTREAM_USERS =
      Comparator.comparingLong((Integer i) -> createdAt(i)).reversed()
          .thenComparing(Comparator.<Integer>reverseOrder());

  private static List<Integer> page(List<Integer> ordered, RecordedRequest r) {
    int offset = Integer.parseInt(r.param("offset"));
    int limit = Integer.parseInt(r.param("limit"));
    return ordered.subList(Math.min(offset, ordered.size()),
        Math.min(ordered.size(), offset + limit));
  }

  private Future<FakeResponse> users(RecordedRequest r) {
    List<Integer> ordered = IntStream.range(0, MEMBERS).boxed().sorted(UPSTREAM_USERS).toList();
    JsonArray body = new JsonArray();
    JsonObject template = Fixtures.object("clerk/user-minimal.json");
    page(ordered, r).forEach(i ->
        body.add(template.copy().put("id", id(i)).put("created_at", createdAt(i))));
    return Future.succeededFuture(FakeResponse.json(200, body));
  }

  private Future<FakeResponse> memberships(RecordedRequest r) {
    // Memberships come in another stable order: by id modulo 13, then id.
    List<Integer> ordered = IntStream.range(0, MEMBERS).boxed()
        .sorted(Comparator.comparingInt((Integer i) -> i % 13).thenComparing(i -> i)).toList();
    JsonArray data = new JsonArray();
    JsonObject template = Fixtures.object("clerk/membership.json");
    page(ordered, r).forEach(i -> data.add(template.copy().put("role", "org:member")
        .put("public_user_data", new JsonObject().put("user_id", id(i)))));
    return Future.succeededFuture(
        FakeResponse.json(200, new JsonObject().put("data", data).put("total_count", MEMBERS)));
  }

  @Test
  void membersSharingCreationTimesAcrossPagesAreListedOnceInCreatedAtThenIdOrder()
      throws Exception {
    clerk.on(HttpMethod.GET, "/v1/users", this::users);
    clerk.on(HttpMethod.GET, "/v1/organizations/" + ORG + "/memberships", this::memberships);
    UpstreamOptions options = new UpstreamOptions(Provider.CLERK, clerk.baseUrl(),
        Duration.ofSeconds(5), 64, 90, CircuitBreakerOptions.DEFAULTS, "sk_live_x", null, null,
        null, null);
    ClerkClient client = new ClerkClient(new DirectChannel(vertx, clerk.baseUrl()), options);

    List<Member> fetched = client.fetchMembers(ORG).await(20, TimeUnit.SECONDS);
    MemberList list = MemberList.of(ORG, fetched);

    // Ids are zero-padded, so creation time then id is simply 0, 1, 2, ... here.
    List<String> expected = IntStream.range(0, MEMBERS).mapToObj(MemberTieOrderTest::id).toList();
    assertThat(list.members()).extracting(m -> m.user().id()).containsExactlyElementsOf(expected);
    assertThat(clerk.requests()).hasSize(2 * 3);
    // Both upstream page boundaries (newest first) fall inside a group of equal creation times.
    assertThat(createdAt(MEMBERS - 500 - 1)).isEqualTo(createdAt(MEMBERS - 500));
    assertThat(createdAt(MEMBERS - 1000 - 1)).isEqualTo(createdAt(MEMBERS - 1000));
  }
}
