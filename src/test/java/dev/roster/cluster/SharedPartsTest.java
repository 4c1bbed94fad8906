package dev.roster.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.metrics.ClusterMetrics;
import dev.roster.time.ManualTimeSource;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shared budget (Bucket4j over the compare-and-swap adapter) and the fill script, against a
 * real {@code redis-server}; two "replicas" are two independent clients in this JVM.
 */
class SharedPartsTest {
  private static RedisServer redis;
  private static Vertx vertx;
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final TimeMeter clock = new TimeMeter() {
    @Override
    public long currentTimeNanos() {
      return nanos.get();
    }

    @Override
    public boolean isWallClockBased() {
      return true;
    }
  };

  @BeforeAll
  static void start() {
    redis = RedisServer.start();
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
    redis.close();
  }

  @BeforeEach
  void flush() {
    redis.call("FLUSHALL");
  }

  @Test
  void twoReplicasDrawFromOneBucketPerCredential() {
    ClusterState state = synced();
    SharedBudget a = budget(state, 5);
    SharedBudget b = budget(state, 5);
    int taken = 0;
    for (int i = 0; i < 10; i++) {
      if ((i % 2 == 0 ? a : b).tryTake().await() == null) {
        taken++;
      }
    }
    assertThat(taken).isEqualTo(5);
    Duration wait = a.tryTake().await();
    assertThat(wait).isEqualTo(Duration.ofSeconds(1));

    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(b.tryTake().await()).as("refilled for both").isNull();
  }

  @Test
  void withoutRedisEachReplicaTakesItsShareLocally() {
    ClusterState state = new ClusterState();
    SharedBudget alone = new SharedBudget(proxies(), "roster:unit:budget:x", 9, state,
        new ClusterMetrics(new SimpleMeterRegistry()), new ManualTimeSource(), () -> 3,
        Duration.ofMillis(250));
    int taken = 0;
    for (int i = 0; i < 10; i++) {
      if (alone.tryTake().await() == null) {
        taken++;
      }
    }
    assertThat(taken).as("9 per second shared by 3 live replicas").isEqualTo(3);
  }

  @Test
  void theFillScriptKeepsTheNewerVersionAndNeverOverwritesATombstone() {
    String val = "roster:unit:c1:{acme:user:u1}:val";
    String lock = "roster:unit:c1:{acme:user:u1}:lock";
    assertThat(fill(val, lock, 200, "new", "")).isEqualTo(1L);
    assertThat(fill(val, lock, 100, "older", "")).as("a slower, older fill").isEqualTo(0L);
    assertThat(redis.call("HGET", val, "d")).isEqualTo("new");

    redis.call("HSET", val, "ver", String.valueOf(SharedCache.TOMBSTONE), "d", "");
    assertThat(fill(val, lock, System.currentTimeMillis(), "resurrected", "")).isEqualTo(0L);
    assertThat(redis.call("HGET", val, "d")).isEqualTo("");
  }

  @Test
  void theFillScriptReleasesOnlyItsOwnLock() {
    String val = "roster:unit:c1:{acme:user:u2}:val";
    String lock = "roster:unit:c1:{acme:user:u2}:lock";
    redis.call("SET", lock, "pod-b:7");
    fill(val, lock, 1, "x", "pod-a:1");
    assertThat(redis.call("GET", lock)).isEqualTo("pod-b:7");
    fill(val, lock, 2, "y", "pod-b:7");
    assertThat(redis.call("GET", lock)).isNull();
  }

  private static Object fill(String val, String lock, long ver, String data, String token) {
    return redis.call("EVAL", SharedRegion.FILL, "2", val, lock, String.valueOf(ver), "0",
        String.valueOf(ver), data, "60000", token);
  }

  private SharedBudget budget(ClusterState state, int rps) {
    return new SharedBudget(proxies(), "roster:unit:budget:abc", rps, state,
        new ClusterMetrics(new SimpleMeterRegistry()), new ManualTimeSource(), () -> 1,
        Duration.ofSeconds(2));
  }

  private RedisProxyManager proxies() {
    RedisAccess access = new RedisAccess(
        Redis.createClient(vertx, new RedisOptions().setConnectionString(redis.url())),
        Duration.ofSeconds(2));
    return new RedisProxyManager(access,
        ClientSideConfig.getDefault().withClientClock(clock).withMaxRetries(5),
        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)));
  }

  private static ClusterState synced() {
    ClusterState state = new ClusterState();
    state.toSynced("test");
    return state;
  }
}
