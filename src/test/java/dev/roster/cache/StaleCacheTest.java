package dev.roster.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.config.CacheOptions;
import dev.roster.metrics.CacheMetrics;
import dev.roster.time.ManualTimeSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StaleCacheTest {
  private static final CacheOptions OPTIONS =
      new CacheOptions(
          Duration.ofSeconds(60),
          Duration.ofMinutes(5),
          Duration.ofHours(24),
          Duration.ofSeconds(10),
          1024 * 1024);

  private final ManualTimeSource time = new ManualTimeSource();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final CacheSpace space =
      new CacheSpace(OPTIONS, time, new CacheMetrics(registry, "test"));
  private final StaleCache<String> cache = space.region("user", v -> v.length(), v -> v.isEmpty());
  private final AtomicInteger loads = new AtomicInteger();

  private Future<String> load(String value) {
    loads.incrementAndGet();
    return Future.succeededFuture(value);
  }

  @Test
  void coalescesConcurrentMissesIntoOneUpstreamCall() {
    Promise<String> upstream = Promise.promise();
    List<Future<Lookup<String>>> waiting = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      waiting.add(
          cache.get(
              "k",
              () -> {
                loads.incrementAndGet();
                return upstream.future();
              }));
    }
    upstream.complete("v");

    assertThat(loads).hasValue(1);
    assertThat(waiting).allSatisfy(f -> assertThat(f.result().value()).isEqualTo("v"));
    assertThat(waiting.get(0).result().outcome()).isEqualTo(CacheOutcome.MISS_STORED);
    assertThat(waiting.get(499).result().outcome()).isEqualTo(CacheOutcome.MISS_COLLAPSED);
  }

  @Test
  void answersFromCacheWhileFreshWithTtlCountingDown() {
    cache.get("k", () -> load("v"));
    time.advance(Duration.ofSeconds(18));

    Lookup<String> hit = cache.get("k", () -> load("other")).result();

    assertThat(loads).hasValue(1);
    assertThat(hit.outcome()).isEqualTo(CacheOutcome.HIT);
    assertThat(hit.value()).isEqualTo("v");
    assertThat(hit.entry().ttlSeconds(time.nanoTime())).isEqualTo(42);
  }

  @Test
  void servesStaleAtOnceAndRefreshesOnceInBackground() {
    cache.get("k", () -> load("v1"));
    time.advance(Duration.ofSeconds(90));
    Promise<String> refresh = Promise.promise();
    AtomicInteger refreshes = new AtomicInteger();

    Lookup<String> first =
        cache.get(
                "k",
                () -> {
                  refreshes.incrementAndGet();
                  return refresh.future();
                })
            .result();
    Lookup<String> second = cache.get("k", () -> load("never")).result();

    assertThat(first.outcome()).isEqualTo(CacheOutcome.STALE);
    assertThat(first.value()).isEqualTo("v1");
    assertThat(first.entry().ttlSeconds(time.nanoTime())).isEqualTo(-30);
    assertThat(second.outcome()).isEqualTo(CacheOutcome.STALE);
    assertThat(refreshes).hasValue(1);

    refresh.complete("v2");
    Lookup<String> after = cache.get("k", () -> load("never")).result();
    assertThat(after.outcome()).isEqualTo(CacheOutcome.HIT);
    assertThat(after.value()).isEqualTo("v2");
  }

  @Test
  void keepsTheLastGoodValueWhenABackgroundRefreshFails() {
    cache.get("k", () -> load("v1"));
    time.advance(Duration.ofSeconds(61));

    cache.get("k", () -> Future.failedFuture(new RuntimeException("down")));

    assertThat(cache.peek("k").value()).isEqualTo("v1");
  }

  @Test
  void servesStaleIfErrorBeyondTheRevalidateWindow() {
    cache.get("k", () -> load("v1"));
    time.advance(Duration.ofHours(2));

    Lookup<String> answer =
        cache.get("k", () -> Future.failedFuture(new RuntimeException("down"))).result();

    assertThat(answer.outcome()).isEqualTo(CacheOutcome.STALE_IF_ERROR);
    assertThat(answer.value()).isEqualTo("v1");
    assertThat(answer.entry().ttlSeconds(time.nanoTime())).isEqualTo(-(2 * 3600 - 60));
  }

  @Test
  void failsWhenNothingUsableIsHeld() {
    cache.get("k", () -> load("v1"));
    time.advance(Duration.ofHours(25));

    Future<Lookup<String>> answer =
        cache.get("k", () -> Future.failedFuture(new RuntimeException("down")));

    assertThat(answer.failed()).isTrue();
    assertThat(answer.cause()).hasMessage("down");
  }

  @Test
  void refetchesAfterTheRevalidateWindowWhenTheUpstreamAnswers() {
    cache.get("k", () -> load("v1"));
    time.advance(Duration.ofMinutes(10));

    Lookup<String> answer = cache.get("k", () -> load("v2")).result();

    assertThat(answer.outcome()).isEqualTo(CacheOutcome.MISS_STORED);
    assertThat(answer.value()).isEqualTo("v2");
  }

  @Test
  void keepsNotFoundAnswersOnlyForNotFoundTtl() {
    cache.get("k", () -> load(""));
    time.advance(Duration.ofSeconds(9));
    assertThat(cache.get("k", () -> load("x")).result().outcome()).isEqualTo(CacheOutcome.HIT);

    time.advance(Duration.ofSeconds(2));
    assertThat(cache.get("k", () -> load("x")).result().outcome())
        .isEqualTo(CacheOutcome.STALE);
  }

  @Test
  void neverReplacesNewerDataWithAnOlderFetch() {
    long olderFetch = time.nanoTime();
    time.advance(Duration.ofSeconds(1));
    cache.write("k", "");

    cache.put("k", "resurrected", olderFetch);

    assertThat(cache.peek("k").value()).isEmpty();
  }

  @Test
  void doesNotStoreAFetchThatWasInFlightWhenItsKeyWasInvalidated() {
    Promise<String> upstream = Promise.promise();
    Future<Lookup<String>> answer = cache.get("k", upstream::future);
    time.advance(Duration.ofMillis(5));

    cache.invalidate("k");
    upstream.complete("old");

    assertThat(answer.result().outcome()).isEqualTo(CacheOutcome.MISS_NOT_STORED);
    assertThat(cache.peek("k")).isNull();
  }

  @Test
  void servesATombstoneRatherThanStaleDataWrittenBeforeIt() {
    cache.get("k", () -> load("v1"));
    time.advance(Duration.ofHours(2));
    Promise<String> upstream = Promise.promise();
    Future<Lookup<String>> answer = cache.get("k", upstream::future);

    cache.write("k", "");
    upstream.fail(new RuntimeException("down"));

    assertThat(answer.result().value()).isEmpty();
  }

  @Test
  void staysWithinItsByteBound() {
    StaleCache<String> big = space.region("org", v -> v.length(), v -> false);
    String tenKb = "x".repeat(10 * 1024);
    for (int i = 0; i < 500; i++) {
      String key = "k" + i;
      big.get(key, () -> Future.succeededFuture(tenKb));
    }

    assertThat(space.weightedBytes()).isLessThanOrEqualTo(OPTIONS.maxBytes());
    assertThat(registry.find(CacheMetrics.EVICTIONS).counter()).isNotNull();
  }

  @Test
  void clearEvictsEverythingAndDropsFetchesInFlight() {
    cache.get("a", () -> load("v"));
    Promise<String> upstream = Promise.promise();
    cache.get("b", upstream::future);
    time.advance(Duration.ofMillis(1));

    space.clear();
    upstream.complete("late");

    assertThat(cache.peek("a")).isNull();
    assertThat(cache.peek("b")).isNull();
  }

  @Test
  void asksAFailingUpstreamAgainOnlyAfterASecond() {
    cache.get("k", () -> load("v1"));
    time.advance(Duration.ofHours(2));
    AtomicInteger attempts = new AtomicInteger();
    java.util.function.Supplier<Future<String>> failing =
        () -> {
          attempts.incrementAndGet();
          return Future.failedFuture(new RuntimeException("down"));
        };

    cache.get("k", failing);
    Lookup<String> again = cache.get("k", failing).result();
    time.advance(StaleCache.RETRY_AFTER_FAILURE.plusMillis(1));
    cache.get("k", failing);

    assertThat(again.outcome()).isEqualTo(CacheOutcome.STALE_IF_ERROR);
    assertThat(again.value()).isEqualTo("v1");
    assertThat(attempts).hasValue(2);
  }
}
