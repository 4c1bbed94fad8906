package dev.roster.cluster;

import dev.roster.testing.Polling;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.metrics.ClusterMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.redis.client.RedisOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The events loop against a real {@code redis-server}, reached through a relay the test cuts:
 * what it missed is replayed, unless the history was trimmed ({@code gap}) or Redis is not the
 * one it knew ({@code epoch}); then it clears instead.
 */
class EventStreamTest {
  private static RedisServer redis;
  private Vertx vertx;
  private RedisRelay relay;
  private SimpleMeterRegistry registry;
  private ClusterState state;
  private EventStream stream;
  private final List<String> applied = new CopyOnWriteArrayList<>();
  private final List<String> clears = new CopyOnWriteArrayList<>();
  private final ClusterKeys keys = new ClusterKeys("unit");

  @BeforeAll
  static void startRedis() {
    redis = RedisServer.start();
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  @BeforeEach
  void startStream() {
    redis.call("FLUSHALL");
    vertx = Vertx.vertx();
    relay = new RedisRelay(vertx, redis.port());
    registry = new SimpleMeterRegistry();
    state = new ClusterState();
    stream = new EventStream(vertx, new RedisOptions().setConnectionString(relay.url()), keys,
        state, new ClusterMetrics(registry), Duration.ofMillis(250),
        event -> applied.add(event.key()), clears::add, () -> {});
    vertx.runOnContext(v -> stream.start());
    Polling.until(Duration.ofSeconds(10), "synced", state::synced);
  }

  @AfterEach
  void stop() {
    vertx.runOnContext(v -> stream.close());
    relay.close();
    vertx.close().await();
  }

  @Test
  void appliesEntriesAddedAfterItStarted() {
    publish("a");
    publish("b");
    Polling.until(Duration.ofSeconds(5), "both applied", () -> applied.size() == 2);
    assertThat(applied).containsExactly("a", "b");
  }

  @Test
  void replaysWhatItMissedWhileCutOffWithoutClearing() {
    publish("before");
    Polling.until(Duration.ofSeconds(5), "applied", () -> applied.size() == 1);
    relay.cut();
    Polling.until(Duration.ofSeconds(5), "degraded", () -> !state.synced());
    publish("missed-1");
    publish("missed-2");
    relay.heal();
    Polling.until(Duration.ofSeconds(10), "replayed", () -> applied.size() == 3);
    assertThat(applied).containsExactly("before", "missed-1", "missed-2");
    assertThat(clears).isEmpty();
    assertThat(resyncs("replay")).isEqualTo(1.0);
  }

  @Test
  void clearsWhenWhatItMissedWasTrimmedAway() {
    publish("before");
    Polling.until(Duration.ofSeconds(5), "applied", () -> applied.size() == 1);
    relay.cut();
    Polling.until(Duration.ofSeconds(5), "degraded", () -> !state.synced());
    for (int i = 0; i < 20; i++) {
      redis.call("XADD", keys.events(), "MAXLEN", "5", "*", "m", event("trimmed-" + i));
    }
    relay.heal();
    Polling.until(Duration.ofSeconds(10), "cleared", () -> clears.contains("gap"));
    assertThat(applied).containsExactly("before");
    assertThat(resyncs("gap")).isEqualTo(1.0);
  }

  @Test
  void clearsWhenRedisIsNotTheOneItKnew() {
    relay.cut();
    Polling.until(Duration.ofSeconds(5), "degraded", () -> !state.synced());
    redis.call("FLUSHALL");
    relay.heal();
    Polling.until(Duration.ofSeconds(10), "cleared", () -> clears.contains("epoch"));
    assertThat(resyncs("epoch")).isEqualTo(1.0);
  }

  @Test
  void anEventNobodyCanReadIsSkipped() throws IOException {
    redis.call("XADD", keys.events(), "*", "m", "not json");
    publish("after");
    Polling.until(Duration.ofSeconds(5), "applied", () -> applied.size() == 1);
    assertThat(applied).containsExactly("after");
  }

  private double resyncs(String reason) {
    var counter = registry.find(ClusterMetrics.RESYNCS).tag("reason", reason).counter();
    return counter == null ? 0 : counter.count();
  }

  private static void publish(String key) {
    redis.call("XADD", new ClusterKeys("unit").events(), "*", "m", event(key));
  }

  private static String event(String key) {
    return ClusterEvent.of("elsewhere", System.currentTimeMillis(), "acme",
        ClusterEvent.USER_EVICTED, key).encode();
  }
}
