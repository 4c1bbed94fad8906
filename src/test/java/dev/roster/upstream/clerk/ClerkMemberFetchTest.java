package dev.roster.upstream.clerk;

import static dev.roster.upstream.clerk.ClerkClientTest.MEMBERSHIPS;
import static dev.roster.upstream.clerk.ClerkClientTest.ORG;
import static dev.roster.upstream.clerk.ClerkClientTest.USERS;
import static dev.roster.upstream.clerk.ClerkClientTest.await;
import static dev.roster.upstream.clerk.ClerkClientTest.failureOf;
import static dev.roster.upstream.clerk.ClerkClientTest.membership;
import static dev.roster.upstream.clerk.ClerkClientTest.membershipsAnswer;
import static dev.roster.upstream.clerk.ClerkClientTest.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.model.Member;
import dev.roster.upstream.FailureKind;
import dev.roster.upstream.testing.ArrivalBarrier;
import dev.roster.upstream.testing.FakeResponse;
import dev.roster.upstream.testing.FakeUpstream;
import dev.roster.upstream.testing.RecordedRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClerkMemberFetchTest {
  private Vertx vertx;
  private FakeUpstream clerk;
  private ClerkClient client;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    clerk = FakeUpstream.start(vertx).await();
    client = ClerkFake.client(vertx, clerk);
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  /** Serves {@code total} members, user i being {@code user_<i>}, paged as Clerk does. */
  private void serveOrganisation(int total, IntFunction<String> roleOf) {
    clerk.on(HttpMethod.GET, USERS, r -> Future.succeededFuture(usersPage(r, total, 0)));
    clerk.on(
        HttpMethod.GET, MEMBERSHIPS,
        r -> Future.succeededFuture(membershipsPage(r, total, 0, roleOf)));
  }

  private static FakeResponse usersPage(RecordedRequest r, int total, int overlap) {
    JsonArray page = new JsonArray();
    pageRange(r, total, overlap).forEach(i -> page.add(user("user_" + i, 1_000 + i)));
    return FakeResponse.json(200, page);
  }

  private static FakeResponse membershipsPage(
      RecordedRequest r, int total, int overlap, IntFunction<String> roleOf) {
    List<JsonObject> data =
        pageRange(r, total, overlap)
            .mapToObj(i -> membership("user_" + i, roleOf.apply(i)))
            .toList();
    return membershipsAnswer(data, total);
  }

  /** The indexes on the page asked for; {@code overlap} shifts later pages back (unstable). */
  private static IntStream pageRange(RecordedRequest r, int total, int overlap) {
    int offset = Integer.parseInt(r.param("offset"));
    int limit = Integer.parseInt(r.param("limit"));
    int from = offset == 0 ? 0 : Math.max(0, offset - overlap);
    return IntStream.range(from, Math.min(total, from + limit));
  }

  private static String roleOf(int i) {
    return i % 10 == 0 ? "org:admin" : "org:member";
  }

  @Test
  void fetchesPageZeroOfBothListsFirstThenTheRemainingPagesInParallel() throws Exception {
    ArrivalBarrier firstPages = new ArrivalBarrier(2);
    ArrivalBarrier laterPages = new ArrivalBarrier(4);
    clerk.on(HttpMethod.GET, USERS, r -> heldAnswer(r, firstPages, laterPages)
        .map(v -> usersPage(r, 1234, 0)));
    clerk.on(HttpMethod.GET, MEMBERSHIPS, r -> heldAnswer(r, firstPages, laterPages)
        .map(v -> membershipsPage(r, 1234, 0, ClerkMemberFetchTest::roleOf)));

    List<Member> members = await(client.fetchMembers(ORG));

    assertThat(members).hasSize(1234);
    List<RecordedRequest> requests = clerk.requests();
    assertThat(requests).hasSize(6);
    assertThat(requests.subList(0, 2)).extracting(RecordedRequest::path)
        .containsExactlyInAnyOrder(USERS, MEMBERSHIPS);
    assertThat(requests.subList(0, 2))
        .allSatisfy(r -> assertThat(r.param("offset")).isEqualTo("0"));
    assertThat(clerk.requests(USERS)).extracting(r -> r.param("offset"))
        .containsExactlyInAnyOrder("0", "500", "1000");
    assertThat(clerk.requests(MEMBERSHIPS)).extracting(r -> r.param("offset"))
        .containsExactlyInAnyOrder("0", "500", "1000");
    assertThat(requests).allSatisfy(r -> assertThat(r.param("limit")).isEqualTo("500"));
    assertThat(clerk.requests(USERS))
        .allSatisfy(r -> assertThat(r.param("organization_id")).isEqualTo(ORG));
  }

  /** Page 0 answers once both page-0 requests are in; later pages once all four are in. */
  private static Future<Void> heldAnswer(
      RecordedRequest r, ArrivalBarrier firstPages, ArrivalBarrier laterPages) {
    return "0".equals(r.param("offset")) ? firstPages.arrive() : laterPages.arrive();
  }

  @Test
  void joinsUsersWithTheirMembershipRoles() throws Exception {
    serveOrganisation(1234, ClerkMemberFetchTest::roleOf);

    List<Member> members = await(client.fetchMembers(ORG));

    assertThat(members).hasSize(1234);
    assertThat(members).allSatisfy(m -> {
      int i = Integer.parseInt(m.user().id().substring("user_".length()));
      assertThat(m.role()).isEqualTo(roleOf(i));
      assertThat(m.orgId()).isEqualTo(ORG);
      assertThat(m.user().createdAt()).isEqualTo(1_000 + i);
    });
    assertThat(members).filteredOn(m -> m.role().equals("org:admin")).hasSize(124);
  }

  @Test
  void leavesOutAUserMissingFromEitherSide() throws Exception {
    clerk.on(HttpMethod.GET, USERS, FakeResponse.json(200, new JsonArray()
        .add(user("user_a", 1)).add(user("user_b", 2)).add(user("user_nomember", 3))));
    clerk.on(HttpMethod.GET, MEMBERSHIPS, membershipsAnswer(List.of(
        membership("user_a", "org:admin"), membership("user_b", "org:member"),
        membership("user_nouser", "org:member")), 3));

    List<Member> members = await(client.fetchMembers(ORG));

    assertThat(members).extracting(m -> m.user().id() + "=" + m.role())
        .containsExactlyInAnyOrder("user_a=org:admin", "user_b=org:member");
  }

  @Test
  void returnsEachMemberOnceWhenUpstreamPagesOverlap() throws Exception {
    clerk.on(HttpMethod.GET, USERS, r -> Future.succeededFuture(usersPage(r, 1100, 40)));
    clerk.on(HttpMethod.GET, MEMBERSHIPS, r -> Future.succeededFuture(
        membershipsPage(r, 1100, 70, ClerkMemberFetchTest::roleOf)));

    List<Member> members = await(client.fetchMembers(ORG));

    // Later pages start 40 (users) and 70 (memberships) entries early, so entries repeat.
    List<String> ids = members.stream().map(m -> m.user().id()).toList();
    assertThat(ids).doesNotHaveDuplicates().hasSize(1100).contains("user_0", "user_1099");
  }

  @Test
  void anUnknownOrganisationHasNoMembers() throws Exception {
    clerk.on(HttpMethod.GET, USERS, FakeResponse.json(200, new JsonArray()));
    clerk.on(HttpMethod.GET, MEMBERSHIPS, FakeResponse.json(404, ClerkClientTest.clerkError("resource_not_found")));

    assertThat(await(client.fetchMembers(ORG))).isEmpty();
    assertThat(clerk.requests()).hasSize(2);
  }

  @Test
  void aSmallOrganisationTakesOnePageOfEach() throws Exception {
    serveOrganisation(3, ClerkMemberFetchTest::roleOf);

    assertThat(await(client.fetchMembers(ORG))).hasSize(3);
    assertThat(clerk.requests()).hasSize(2);
  }

  @Test
  void failsMalformedWhenTheMembershipListHasNoTotal() {
    clerk.on(HttpMethod.GET, USERS, FakeResponse.json(200, new JsonArray()));
    clerk.on(HttpMethod.GET, MEMBERSHIPS, FakeResponse.json(200,
        new JsonObject().put("data", new JsonArray())));

    assertThat(failureOf(client.fetchMembers(ORG)).kind()).isEqualTo(FailureKind.MALFORMED);
  }

  @Test
  void failsWhenALaterPageFails() {
    clerk.on(HttpMethod.GET, USERS, r -> Future.succeededFuture(
        "1000".equals(r.param("offset")) ? FakeResponse.status(503) : usersPage(r, 1234, 0)));
    clerk.on(HttpMethod.GET, MEMBERSHIPS, r -> Future.succeededFuture(
        membershipsPage(r, 1234, 0, ClerkMemberFetchTest::roleOf)));

    assertThat(failureOf(client.fetchMembers(ORG)).kind()).isEqualTo(FailureKind.SERVER_ERROR);
  }
}
