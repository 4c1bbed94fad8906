package dev.roster.upstream.lexful;

import static dev.roster.upstream.lexful.LexfulClientTest.USER_PATH;
import static dev.roster.upstream.lexful.LexfulClientTest.await;
import static dev.roster.upstream.lexful.LexfulClientTest.failureOf;
import static dev.roster.upstream.lexful.LexfulFake.ACCOUNT;
import static dev.roster.upstream.lexful.LexfulFake.KEY_ID;
import static dev.roster.upstream.lexful.LexfulFake.KEY_SECRET;
import static dev.roster.upstream.lexful.LexfulFake.TOKEN_PATH;
import static dev.roster.upstream.lexful.LexfulFake.user;
import static dev.roster.upstream.lexful.LexfulFake.uuid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.time.ManualTimeSource;
import dev.roster.upstream.FailureKind;
import dev.roster.upstream.testing.DirectChannel;
import dev.roster.upstream.testing.FakeResponse;
import dev.roster.upstream.testing.FakeUpstream;
import dev.roster.upstream.testing.RecordedRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LexfulTokenSourceTest {
  private final ManualTimeSource time = new ManualTimeSource();
  private Vertx vertx;
  private FakeUpstream lexful;
  private LexfulClient client;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    lexful = FakeUpstream.start(vertx).await();
    client = new LexfulClient(
        new DirectChannel(vertx, lexful.baseUrl()), LexfulFake.keyOptions(lexful.baseUrl()), time);
    lexful.on(HttpMethod.GET, USER_PATH, r -> Future.succeededFuture(
        FakeResponse.json(200, user(r.path().substring("/v1/users/".length()), "*"))));
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  private List<String> bearersSentToUsers() {
    return lexful.requests(USER_PATH).stream().map(r -> r.header("Authorization")).toList();
  }

  @Test
  void fetchesOneTokenWithTheApiKeyForConcurrentCalls() throws Exception {
    LexfulFake.serveTokens(lexful, 3600, "token");

    List<Future<?>> calls =
        IntStream.range(0, 8).<Future<?>>mapToObj(i -> client.fetchUser(uuid(i))).toList();
    await(Future.all(calls));

    assertThat(lexful.requests(TOKEN_PATH)).singleElement().satisfies(r -> {
      assertThat(r.method()).isEqualTo(HttpMethod.POST);
      assertThat(r.header("X-Account-Id")).isEqualTo(ACCOUNT);
      assertThat(r.header("Authorization")).isNull();
      assertThat(r.bodyAsJson())
          .isEqualTo(new JsonObject().put("id", KEY_ID).put("secret", KEY_SECRET));
    });
    assertThat(bearersSentToUsers()).hasSize(8).containsOnly("Bearer token-1");
  }

  @Test
  void acceptsATokenNamedAccessTokenWithoutExpiry() throws Exception {
    LexfulFake.serveTokens(lexful, null, "access_token");

    await(client.fetchUser(uuid(1)));
    time.advance(Duration.ofMinutes(54));
    await(client.fetchUser(uuid(2)));
    time.advance(Duration.ofMinutes(2));
    await(client.fetchUser(uuid(3)));

    // Without expires_in a token lives 60 minutes: renewed once fewer than 5 remain.
    assertThat(bearersSentToUsers())
        .containsExactly("Bearer token-1", "Bearer token-1", "Bearer token-2");
  }

  @Test
  void renewsAnHourTokenWhenFewerThanFiveMinutesRemain() throws Exception {
    LexfulFake.serveTokens(lexful, 3600, "token");

    await(client.fetchUser(uuid(1)));
    time.advance(Duration.ofMinutes(55).minusSeconds(1));
    await(client.fetchUser(uuid(2)));
    time.advance(Duration.ofSeconds(2));
    await(client.fetchUser(uuid(3)));
    await(client.fetchUser(uuid(4)));

    assertThat(lexful.requests(TOKEN_PATH)).hasSize(2);
    assertThat(bearersSentToUsers()).containsExactly(
        "Bearer token-1", "Bearer token-1", "Bearer token-2", "Bearer token-2");
  }

  @Test
  void renewsAShortTokenWhenTenPercentOfItsLifeRemains() throws Exception {
    LexfulFake.serveTokens(lexful, 100, "token");

    await(client.fetchUser(uuid(1)));
    time.advance(Duration.ofSeconds(89));
    await(client.fetchUser(uuid(2)));
    time.advance(Duration.ofSeconds(2));
    await(client.fetchUser(uuid(3)));

    assertThat(bearersSentToUsers())
        .containsExactly("Bearer token-1", "Bearer token-1", "Bearer token-2");
  }

  @Test
  void keepsAValidTokenWhenItsEarlyRenewalFails() throws Exception {
    AtomicInteger tokenCalls = new AtomicInteger();
    lexful.on(HttpMethod.POST, TOKEN_PATH, r -> Future.succeededFuture(
        tokenCalls.incrementAndGet() == 1
            ? FakeResponse.json(200, new JsonObject().put("token", "token-1"))
            : FakeResponse.status(503)));

    await(client.fetchUser(uuid(1)));
    time.advance(Duration.ofMinutes(57));
    await(client.fetchUser(uuid(2)));
    time.advance(Duration.ofMinutes(3));

    assertThat(bearersSentToUsers()).containsExactly("Bearer token-1", "Bearer token-1");
    assertThat(failureOf(client.fetchUser(uuid(3))).kind()).isEqualTo(FailureKind.SERVER_ERROR);
  }

  @Test
  void renewsTheTokenOnceOnA401AndRetriesTheCall() throws Exception {
    LexfulFake.serveTokens(lexful, 3600, "token");
    lexful.on(HttpMethod.GET, USER_PATH, (RecordedRequest r) -> Future.succeededFuture(
        "Bearer token-1".equals(r.header("Authorization"))
            ? FakeResponse.status(401)
            : FakeResponse.json(200, user(uuid(1), "*"))));

    assertThat(await(client.fetchUser(uuid(1)))).isPresent();

    assertThat(lexful.requests(TOKEN_PATH)).hasSize(2);
    assertThat(bearersSentToUsers()).containsExactly("Bearer token-1", "Bearer token-2");
  }

  @Test
  void aSecond401IsRejected() {
    LexfulFake.serveTokens(lexful, 3600, "token");
    lexful.on(HttpMethod.GET, USER_PATH, FakeResponse.status(401));

    assertThat(failureOf(client.fetchUser(uuid(1))).kind())
        .isEqualTo(FailureKind.CREDENTIALS_REFUSED);
    assertThat(lexful.requests(TOKEN_PATH)).hasSize(2);
    assertThat(bearersSentToUsers()).containsExactly("Bearer token-1", "Bearer token-2");
  }

  @Test
  void aRefusedApiKeyIsRejectedAndTriedAgainOnTheNextCall() {
    lexful.on(HttpMethod.POST, TOKEN_PATH, FakeResponse.json(401,
        new JsonObject().put("status", 401).put("message", "invalid credentials")));

    assertThat(failureOf(client.fetchUser(uuid(1))).kind())
        .isEqualTo(FailureKind.CREDENTIALS_REFUSED);
    assertThat(failureOf(client.fetchUser(uuid(2))).kind())
        .isEqualTo(FailureKind.CREDENTIALS_REFUSED);
    assertThat(lexful.requests(TOKEN_PATH)).hasSize(2);
    assertThat(lexful.requests(USER_PATH)).isEmpty();
  }

  @Test
  void aTokenResponseWithoutATokenIsMalformed() {
    lexful.on(HttpMethod.POST, TOKEN_PATH,
        FakeResponse.json(200, new JsonObject().put("expires_in", 3600)));

    assertThat(failureOf(client.fetchUser(uuid(1))).kind()).isEqualTo(FailureKind.MALFORMED);
  }
}
