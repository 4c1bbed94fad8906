package dev.roster.sim.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.sim.clerk.ClerkSeed;
import dev.roster.sim.clerk.ClerkSimulator;
import dev.roster.sim.lexful.LexfulSeed;
import dev.roster.sim.lexful.LexfulSimulator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each fault kind as a client of the simulators observes it. */
class SimulatorFaultsTest {
  private static final String ALICE = "/v1/users/" + ClerkSeed.ACME_ADMIN_ID;

  private Vertx vertx;
  private ClerkSimulator clerk;
  private WebClient client;
  private HttpClient http;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    clerk = ClerkSimulator.start(vertx, 0).await();
    client = WebClient.create(vertx);
    http = vertx.createHttpClient();
  }

  @AfterEach
  void stop() {
    client.close();
    http.close().await();
    clerk.close().await();
    vertx.close().await();
  }

  private HttpRequest<Buffer> get(String uri) {
    return client.get(clerk.port(), "127.0.0.1", uri)
        .putHeader("Authorization", "Bearer " + ClerkSeed.SECRET_KEY);
  }

  /** Sends a GET with the raw client; the future completes when the whole body arrived. */
  private Future<Buffer> rawGet(String uri, AtomicInteger received, int[] contentLength) {
    return http.request(HttpMethod.GET, clerk.port(), "127.0.0.1", uri)
        .compose(req -> req.putHeader("Authorization", "Bearer " + ClerkSeed.SECRET_KEY).send())
        .compose((HttpClientResponse response) -> {
          contentLength[0] = Integer.parseInt(response.getHeader("content-length"));
          Buffer body = Buffer.buffer();
          response.handler(chunk -> {
            received.addAndGet(chunk.length());
            body.appendBuffer(chunk);
          });
          return response.end().map(body);
        });
  }

  private static Throwable failureOf(Future<?> future) {
    try {
      future.await();
    } catch (Exception e) {
      // await() rethrows checked causes too; the cause is read from the future below
    }
    assertThat(future.failed()).isTrue();
    return future.cause();
  }

  @Test
  void statusFaultAnswersWithClerkErrorBodyForTheNextNRequests() {
    clerk.faults().add(Fault.status(503).times(2).onPath("/v1/users"));

    for (int i = 0; i < 2; i++) {
      HttpResponse<Buffer> failed = get(ALICE).send().await();
      assertThat(failed.statusCode()).isEqualTo(503);
      assertThat(failed.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0)
          .getString("code")).isEqualTo("internal_clerk_error");
    }
    assertThat(get(ALICE).send().await().statusCode()).isEqualTo(200);
    assertThat(clerk.requestCount()).isEqualTo(3);
  }

  @Test
  void statusFaultSparesOtherPaths() {
    clerk.faults().add(Fault.status(500).onPath("/v1/organizations"));

    assertThat(get(ALICE).send().await().statusCode()).isEqualTo(200);
    assertThat(get("/v1/organizations/" + ClerkSeed.ACME_ORG_ID + "/memberships").send().await()
        .statusCode()).isEqualTo(500);
  }

  @Test
  void rateLimitAnswers429WithRetryAfter() {
    clerk.faults().add(Fault.rateLimit(7).times(1));

    HttpResponse<Buffer> limited = get(ALICE).send().await();
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.getHeader("Retry-After")).isEqualTo("7");
    assertThat(limited.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0)
        .getString("code")).isEqualTo("too_many_requests");
  }

  @Test
  void latencyDelaysTheAnswer() {
    clerk.faults().add(Fault.latency(300).times(1));

    long started = System.nanoTime();
    HttpResponse<Buffer> response = get(ALICE).send().await();
    long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(elapsedMillis).isGreaterThanOrEqualTo(300);
  }

  @Test
  void resetClosesTheConnectionWithoutAnAnswer() {
    clerk.faults().add(Fault.reset().times(1));

    Throwable failure = failureOf(get(ALICE).send().timeout(5, TimeUnit.SECONDS));

    assertThat(failure).isNotInstanceOf(TimeoutException.class);
    assertThat(get(ALICE).send().await().statusCode()).isEqualTo(200);
  }

  @Test
  void malformedAnswers200WithATruncatedBody() {
    clerk.faults().add(Fault.malformed().times(1));

    HttpResponse<Buffer> response = get(ALICE).send().await();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("content-type")).isEqualTo("application/json");
    assertThat(response.bodyAsString()).startsWith("{\"id\":\"" + ClerkSeed.ACME_ADMIN_ID);
    assertThatThrownBy(response::bodyAsJsonObject).isInstanceOf(DecodeException.class);
  }

  @Test
  void hangNeverAnswersSoTheClientDeadlineFires() {
    clerk.faults().add(Fault.hang().times(1));

    Throwable failure = failureOf(get(ALICE).send().timeout(400, TimeUnit.MILLISECONDS));

    assertThat(failure).isInstanceOf(TimeoutException.class);
    assertThat(clerk.requestsTo(ALICE)).hasSize(1);
    assertThat(get(ALICE).send().await().statusCode()).isEqualTo(200);
  }

  @Test
  void dripSendsTheHeadAtOnceThenTheBodyByteByByte() {
    clerk.faults().add(Fault.drip(50).times(1));
    AtomicInteger received = new AtomicInteger();
    int[] contentLength = {-1};

    Throwable failure = failureOf(
        rawGet(ALICE, received, contentLength).timeout(600, TimeUnit.MILLISECONDS));

    assertThat(failure).isInstanceOf(TimeoutException.class);
    assertThat(contentLength[0]).isGreaterThan(1000);
    assertThat(received.get()).isGreaterThan(0).isLessThan(contentLength[0]);
  }

  @Test
  void adminRouteAddsListsAndClearsFaults() {
    HttpResponse<Buffer> added = client.post(clerk.port(), "127.0.0.1", "/__sim/faults")
        .sendJsonObject(new JsonObject().put("kind", "status").put("status", 502)
            .put("count", 1).put("pathPrefix", "/v1/users")).await();
    assertThat(added.statusCode()).isEqualTo(201);
    assertThat(client.get(clerk.port(), "127.0.0.1", "/__sim/faults").send().await()
        .bodyAsJsonArray()).hasSize(1);

    assertThat(get(ALICE).send().await().statusCode()).isEqualTo(502);
    client.post(clerk.port(), "127.0.0.1", "/__sim/faults")
        .sendJsonObject(new JsonObject().put("kind", "rateLimit").put("retryAfterSeconds", 4))
        .await();
    assertThat(get(ALICE).send().await().statusCode()).isEqualTo(429);
    assertThat(client.delete(clerk.port(), "127.0.0.1", "/__sim/faults").send().await()
        .statusCode()).isEqualTo(204);
    assertThat(get(ALICE).send().await().statusCode()).isEqualTo(200);

    HttpResponse<Buffer> invalid = client.post(clerk.port(), "127.0.0.1", "/__sim/faults")
        .sendJsonObject(new JsonObject().put("kind", "explode")).await();
    assertThat(invalid.statusCode()).isEqualTo(400);
  }

  @Test
  void adminRouteReportsRequestCountsByPathWithoutCountingItself() {
    get(ALICE).send().await();
    get(ALICE).send().await();
    get("/v1/users/count").send().await();

    JsonObject report = client.get(clerk.port(), "127.0.0.1", "/__sim/requests").send().await()
        .bodyAsJsonObject();

    assertThat(report.getInteger("count")).isEqualTo(3);
    assertThat(report.getJsonObject("byPath").getInteger(ALICE)).isEqualTo(2);
    assertThat(report.getJsonObject("byPath").getInteger("/v1/users/count")).isEqualTo(1);
    client.delete(clerk.port(), "127.0.0.1", "/__sim/requests").send().await();
    assertThat(clerk.requestCount()).isZero();
  }

  @Test
  void lexfulFaultsUseLexfulErrorBodies() {
    LexfulSimulator lexful = LexfulSimulator.start(vertx, 0).await();
    try {
      lexful.faults().add(Fault.status(500).times(1)).add(Fault.rateLimit(2).times(1));
      HttpResponse<Buffer> failed = lexfulGet(lexful);
      HttpResponse<Buffer> limited = lexfulGet(lexful);

      assertThat(failed.statusCode()).isEqualTo(500);
      assertThat(failed.bodyAsJsonObject().getInteger("status")).isEqualTo(500);
      assertThat(failed.bodyAsJsonObject().getString("error_code")).isEqualTo("INTERNAL_ERROR");
      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.getHeader("Retry-After")).isEqualTo("2");
      assertThat(limited.bodyAsJsonObject().getString("error_id")).isNotBlank();
      assertThat(lexfulGet(lexful).statusCode()).isEqualTo(200);
    } finally {
      lexful.close().await();
    }
  }

  private HttpResponse<Buffer> lexfulGet(LexfulSimulator lexful) {
    return client.get(lexful.port(), "127.0.0.1", "/v1/users/" + LexfulSeed.ADMIN_ID)
        .putHeader("Authorization", "Bearer " + LexfulSeed.STATIC_TOKEN)
        .putHeader("X-Account-ID", LexfulSeed.ACCOUNT_ID).send().await();
  }
}
