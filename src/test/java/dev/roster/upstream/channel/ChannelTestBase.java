package dev.roster.upstream.channel;

import static org.assertj.core.api.Assertions.fail;

import dev.roster.config.CircuitBreakerOptions;
import dev.roster.config.UpstreamOptions;
import dev.roster.model.Provider;
import dev.roster.time.ManualTimeSource;
import dev.roster.upstream.ResponseDecoder;
import dev.roster.upstream.UpstreamChannel;
import dev.roster.upstream.UpstreamFailure;
import dev.roster.upstream.UpstreamRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import dev.roster.upstream.testing.FakeUpstream;

/** A Vert.x, a fake upstream, a hand-moved clock and a registry for each channel test. */
abstract class ChannelTestBase {
  static final Duration OPEN_FOR = Duration.ofSeconds(10);
  static final ResponseDecoder<String> STATUS_AND_BODY =
      response -> response.status() + ":" + response.body();
  /** Reads the body as a JSON object, as a vendor mapper would; throws on anything else. */
  static final ResponseDecoder<String> JSON_ID =
      response -> new JsonObject(response.body()).getString("id");

  Vertx vertx;
  FakeUpstream fake;
  ManualTimeSource time;
  SimpleMeterRegistry registry;
  UpstreamChannel channel;

  private static volatile boolean warm;

  /**
   * Runs one exchange per JVM before the tests: the first one loads Netty, Resilience4j and
   * Bucket4j on the event loop, which would otherwise eat a 300 ms deadline.
   */
  @BeforeAll
  static void warmUp() {
    if (warm) {
      return;
    }
    Vertx vertx = Vertx.vertx();
    try {
      FakeUpstream fake = FakeUpstream.start(vertx).await().answer(FakeUpstream.json("{\"id\":\"w\"}"));
      UpstreamOptions options = new UpstreamOptions(Provider.CLERK, fake.baseUrl(),
          Duration.ofSeconds(10), 1, 10, CircuitBreakerOptions.DEFAULTS, null, null, null, null,
          null);
      UpstreamChannel channel = UpstreamChannels.create(
          vertx, options, "warm", new ManualTimeSource(), new SimpleMeterRegistry());
      channel.exchange(get("/v1/users/w"), JSON_ID).await();
      channel.close();
      warm = true;
    } finally {
      vertx.close().await();
    }
  }

  @BeforeEach
  void startFake() {
    vertx = Vertx.vertx();
    fake = FakeUpstream.start(vertx).await();
    time = new ManualTimeSource();
    registry = new SimpleMeterRegistry();
  }

  @AfterEach
  void stopAll() {
    if (channel != null) {
      channel.close();
    }
    vertx.close().await();
  }

  UpstreamChannel channel(Duration timeout, int maxConcurrent, int requestsPerSecond) {
    return channel(fake.baseUrl(), timeout, maxConcurrent, requestsPerSecond);
  }

  UpstreamChannel channel(String baseUrl, Duration timeout, int maxConcurrent, int rps) {
    UpstreamOptions options = new UpstreamOptions(
        Provider.CLERK,
        baseUrl,
        timeout,
        maxConcurrent,
        rps,
        new CircuitBreakerOptions(5, OPEN_FOR),
        "sk_test_rosterdemo0000000000000000",
        null,
        null,
        null,
        null);
    channel = UpstreamChannels.create(vertx, options, "lance", time, registry);
    return channel;
  }

  /** A channel with roomy limits, so only the behaviour under test can fail. */
  UpstreamChannel defaultChannel() {
    return channel(Duration.ofSeconds(2), 8, 1000);
  }

  static UpstreamRequest get(String path) {
    return UpstreamRequest.get(path, MultiMap.caseInsensitiveMultiMap());
  }

  static UpstreamFailure failureOf(Future<?> future) {
    try {
      future.await();
    } catch (UpstreamFailure failure) {
      return failure;
    } catch (Throwable other) {
      return fail("expected an UpstreamFailure, got " + other);
    }
    return fail("expected an UpstreamFailure, got success");
  }
}
