package dev.roster.upstream.channel;

import static dev.roster.upstream.testing.FakeUpstream.closeConnection;
import static dev.roster.upstream.testing.FakeUpstream.closeMidBody;
import static dev.roster.upstream.testing.FakeUpstream.hang;
import static dev.roster.upstream.testing.FakeUpstream.json;
import static dev.roster.upstream.testing.FakeUpstream.status;
import static dev.roster.upstream.testing.FakeUpstream.withHeader;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.upstream.FailureKind;
import dev.roster.upstream.ResponseDecoder;
import dev.roster.upstream.UpstreamChannel;
import dev.roster.upstream.UpstreamFailure;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What one exchange makes of what the upstream does on the wire. */
class UpstreamChannelTransportTest extends ChannelTestBase {

  @Test
  void decodesASuccessfulResponse() {
    fake.answer(json("{\"id\":\"user_1\"}"));
    String id = defaultChannel().exchange(get("/v1/users/user_1"), JSON_ID).await();
    assertThat(id).isEqualTo("user_1");
    assertThat(fake.paths()).containsExactly("/v1/users/user_1");
  }

  @Test
  void handsA404ToTheDecoderAsData() {
    fake.answer(status(404, "{}"));
    String seen = defaultChannel().exchange(get("/v1/users/user_x"), STATUS_AND_BODY).await();
    assertThat(seen).isEqualTo("404:{}");
  }

  @Test
  void neverFollowsARedirect() {
    fake.answer(withHeader(302, "Location", fake.baseUrl() + "/v1/elsewhere"));
    String seen = defaultChannel().exchange(get("/v1/users/user_1"), STATUS_AND_BODY).await();
    assertThat(seen).isEqualTo("302:");
    assertThat(fake.paths()).containsExactly("/v1/users/user_1");
  }

  @Test
  void cutsOffAHangingServerAtTheDeadline() {
    fake.answer(hang());
    UpstreamChannel channel = channel(Duration.ofMillis(300), 8, 1000);
    long started = System.nanoTime();
    UpstreamFailure failure = failureOf(channel.exchange(get("/v1/users/user_1"), JSON_ID));
    assertThat(failure.kind()).isEqualTo(FailureKind.TIMEOUT);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void cutsOffADrippingBodyAtTheDeadlineAndClosesTheConnection() {
    fake.answer(fake.drip(50));
    Future<Void> closed = fake.nextConnectionClose();
    UpstreamChannel channel = channel(Duration.ofMillis(300), 8, 1000);
    long started = System.nanoTime();
    UpstreamFailure failure = failureOf(channel.exchange(get("/v1/users/user_1"), JSON_ID));
    assertThat(failure.kind()).isEqualTo(FailureKind.TIMEOUT);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    closed.await();
    assertThat(closed.succeeded()).isTrue();
  }

  @Test
  void reportsAConnectionClosedBeforeTheResponseAsReset() {
    fake.answer(closeConnection());
    UpstreamFailure failure = failureOf(defaultChannel().exchange(get("/v1/users/u"), JSON_ID));
    assertThat(failure.kind()).isEqualTo(FailureKind.RESET);
    assertThat(fake.received()).isEqualTo(1);
  }

  @Test
  void reportsAConnectionClosedMidBodyAsReset() {
    fake.answer(closeMidBody());
    UpstreamFailure failure = failureOf(defaultChannel().exchange(get("/v1/users/u"), JSON_ID));
    assertThat(failure.kind()).isEqualTo(FailureKind.RESET);
  }

  @Test
  void reportsARefusedPortAsConnect() {
    HttpServer closedServer = vertx.createHttpServer().requestHandler(r -> r.response().end());
    int port = closedServer.listen(0, "127.0.0.1").await().actualPort();
    closedServer.close().await();
    UpstreamChannel channel = channel("http://127.0.0.1:" + port, Duration.ofSeconds(2), 8, 1000);
    UpstreamFailure failure = failureOf(channel.exchange(get("/v1/users/u"), JSON_ID));
    assertThat(failure.kind()).isEqualTo(FailureKind.CONNECT);
    assertThat(failure.getMessage()).contains("clerk").contains("lance").doesNotContain("127.0.0.1");
  }

  @Test
  void reportsAnUndecodableBodyAsMalformedWithoutEchoingIt() {
    fake.answer(json("<html>secret page</html>"));
    UpstreamFailure failure = failureOf(defaultChannel().exchange(get("/v1/users/u"), JSON_ID));
    assertThat(failure.kind()).isEqualTo(FailureKind.MALFORMED);
    assertThat(failure.getMessage()).doesNotContain("secret");
  }

  @Test
  void keepsTheFailureADecoderThrows() {
    fake.answer(status(401, "{}"));
    ResponseDecoder<String> rejecting = response -> {
      throw new UpstreamFailure(FailureKind.REJECTED, "bad key");
    };
    UpstreamFailure failure = failureOf(defaultChannel().exchange(get("/v1/users/u"), rejecting));
    assertThat(failure.kind()).isEqualTo(FailureKind.REJECTED);
  }

  @Test
  void refusesABodyDeclaredLargerThanTheCap() {
    fake.answer(request -> request.response()
        .putHeader("content-length", String.valueOf(HttpTransport.MAX_BODY_BYTES + 1))
        .write("{"));
    UpstreamFailure failure = failureOf(defaultChannel().exchange(get("/v1/users/u"), JSON_ID));
    assertThat(failure.kind()).isEqualTo(FailureKind.MALFORMED);
  }

  @Test
  void completesOnTheCallersContext() {
    fake.answer(json("{\"id\":\"user_1\"}"));
    UpstreamChannel channel = defaultChannel();
    Context caller = vertx.getOrCreateContext();
    Promise<Boolean> sameContext = Promise.promise();
    caller.runOnContext(v -> channel.exchange(get("/v1/users/user_1"), JSON_ID)
        .onComplete(ar -> sameContext.complete(
            ar.succeeded() && vertx.getOrCreateContext() == caller)));
    assertThat(sameContext.future().await()).isTrue();
  }
}
