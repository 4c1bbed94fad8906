package dev.roster.upstream.lexful;

import static dev.roster.upstream.lexful.LexfulClientTest.await;
import static dev.roster.upstream.lexful.LexfulClientTest.failureOf;
import static dev.roster.upstream.lexful.LexfulFake.user;
import static dev.roster.upstream.lexful.LexfulFake.uuid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.model.Member;
import dev.roster.upstream.FailureKind;
import dev.roster.upstream.testing.ArrivalBarrier;
import dev.roster.upstream.testing.FakeResponse;
import dev.roster.upstream.testing.FakeUpstream;
import dev.roster.upstream.testing.Fixtures;
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

class LexfulMembersTest {
  private static final String ORG = "0b6f1c8e-3d0a-4f0e-9a57-6a1d2b3c4d5e";
  private static final String OTHER_ORG = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
  private static final String LIST = "/v1/users";

  private Vertx vertx;
  private FakeUpstream lexful;
  private LexfulClient client;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    lexful = FakeUpstream.start(vertx).await();
    client = LexfulFake.tokenClient(vertx, lexful);
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  private static FakeResponse page(RecordedRequest r, int total, IntFunction<JsonObject> userAt) {
    int offset = Integer.parseInt(r.param("offset"));
    int limit = Integer.parseInt(r.param("limit"));
    JsonArray items = new JsonArray();
    IntStream.range(offset, Math.min(total, offset + limit))
        .forEach(i -> items.add(userAt.apply(i)));
    return FakeResponse.json(200, new JsonObject()
        .put("items", items).put("total", total).put("limit", limit).put("offset", offset));
  }

  @Test
  void fetchesPageZeroThenTheRemainingPagesInParallel() throws Exception {
    ArrivalBarrier laterPages = new ArrivalBarrier(2);
    lexful.on(HttpMethod.GET, LIST, r -> {
      Future<Void> held = "0".equals(r.param("offset"))
          ? Future.succeededFuture()
          : laterPages.arrive();
      return held.map(v -> page(r, 2500, i -> user(uuid(i), "*")));
    });

    List<Member> members = await(client.fetchMembers(ORG));

    assertThat(members).hasSize(2500);
    assertThat(lexful.requests()).hasSize(3);
    assertThat(lexful.requests().get(0).param("offset")).isEqualTo("0");
    assertThat(lexful.requests()).extracting(r -> r.param("offset"))
        .containsExactlyInAnyOrder("0", "1000", "2000");
    assertThat(lexful.requests()).allSatisfy(r -> assertThat(r.param("limit")).isEqualTo("1000"));
  }

  @Test
  void keepsUsersWhoseScopesCoverTheOrganisationWithTheirRoles() throws Exception {
    JsonArray items = new JsonArray()
        .add(user(uuid(1), new JsonArray().add(ORG)).put("role", "admin"))
        .add(user(uuid(2), "*").put("role", "viewer"))
        .add(user(uuid(3), new JsonArray().add(OTHER_ORG).add("*")).put("role", "support"))
        .add(user(uuid(4), new JsonArray().add(OTHER_ORG)).put("role", "admin"))
        .add(user(uuid(5), OTHER_ORG).put("role", "admin"))
        .add(user(uuid(6), new JsonArray()).put("role", "viewer"))
        .add(Fixtures.object("lexful/user-deleted.json").put("id", uuid(7)));
    lexful.on(HttpMethod.GET, LIST, FakeResponse.json(200,
        new JsonObject().put("items", items).put("total", 7).put("limit", 1000).put("offset", 0)));

    List<Member> members = await(client.fetchMembers(ORG));

    assertThat(members).extracting(m -> m.user().id() + "=" + m.role())
        .containsExactlyInAnyOrder(uuid(1) + "=admin", uuid(2) + "=viewer", uuid(3) + "=support");
    assertThat(members).allSatisfy(m -> assertThat(m.orgId()).isEqualTo(ORG));
  }

  @Test
  void returnsEachMemberOnceWhenPagesOverlap() throws Exception {
    // The second page starts 100 users early, as an unstable default order would.
    lexful.on(HttpMethod.GET, LIST, r -> {
      int offset = Integer.parseInt(r.param("offset"));
      int from = offset == 0 ? 0 : offset - 100;
      JsonArray items = new JsonArray();
      IntStream.range(from, Math.min(1500, from + 1000))
          .forEach(i -> items.add(user(uuid(i), "*")));
      return Future.succeededFuture(FakeResponse.json(200,
          new JsonObject().put("items", items).put("total", 1500)));
    });

    List<Member> members = await(client.fetchMembers(ORG));

    assertThat(members).extracting(m -> m.user().id()).doesNotHaveDuplicates().hasSize(1500);
  }

  @Test
  void failsMalformedOnAListWithoutTotal() {
    lexful.on(HttpMethod.GET, LIST,
        FakeResponse.json(200, new JsonObject().put("items", List.of())));

    assertThat(failureOf(client.fetchMembers(ORG)).kind()).isEqualTo(FailureKind.MALFORMED);
  }
}
