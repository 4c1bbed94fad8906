package dev.roster.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.config.CacheOptions;
import dev.roster.metrics.CacheMetrics;
import dev.roster.time.ManualTimeSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A refresh the loader deferred (no budget to spare for background work) keeps the stale entry
 * served while it may be revalidated, and never past that.
 */
class DeferredRefreshTest {
  private static final CacheOptions OPTIONS =
      new CacheOptions(
          Duration.ofSeconds(60),
          Duration.ofSeconds(30),
          Duration.ofHours(24),
          Duration.ofSeconds(10),
          1024 * 1024);

  private final ManualTimeSource time = new ManualTimeSource();
  private final CacheSpace space =
      new CacheSpace(OPTIONS, time, new CacheMetrics(new SimpleMeterRegistry(), "test"));
  private final StaleCache<String> cache = space.region("user", String::length, String::isEmpty);
  private final List<Boolean> loads = new ArrayList<>();

  private Future<String> deferRefreshes(boolean refresh) {
    loads.add(refresh);
    return refresh ? Future.failedFuture(RefreshDeferred.INSTANCE) : Future.succeededFuture("v2");
  }

  @Test
  void tellsTheLoaderWhetherItIsABackgroundRefresh() {
    cache.get("k", this::deferRefreshes).await();
    time.advance(Duration.ofSeconds(61));
    cache.get("k", this::deferRefreshes).await();

    assertThat(loads).containsExactly(false, true);
  }

  @Test
  void servesStaleWithoutAskingAgainForASecondAfterADeferredRefresh() {
    cache.get("k", refresh -> Future.succeededFuture("v1")).await();
    time.advance(Duration.ofSeconds(61));

    Lookup<String> first = cache.get("k", this::deferRefreshes).await();
    Lookup<String> second = cache.get("k", this::deferRefreshes).await();
    time.advance(Duration.ofSeconds(1));
    Lookup<String> third = cache.get("k", this::deferRefreshes).await();

    assertThat(List.of(first, second, third))
        .allSatisfy(l -> assertThat(l.outcome()).isEqualTo(CacheOutcome.STALE))
        .allSatisfy(l -> assertThat(l.value()).isEqualTo("v1"));
    assertThat(loads).containsExactly(true, true);
  }

  @Test
  void onceStaleWhileRevalidateHasRunOutAReadWaitsForTheUpstream() {
    cache.get("k", refresh -> Future.succeededFuture("v1")).await();
    time.advance(Duration.ofMillis(89_800));
    cache.get("k", this::deferRefreshes).await();
    // Half a second after the deferral: past staleWhileRevalidate (60 s + 30 s).
    time.advance(Duration.ofMillis(500));

    Lookup<String> after = cache.get("k", this::deferRefreshes).await();

    assertThat(loads).containsExactly(true, false);
    assertThat(after.outcome()).isEqualTo(CacheOutcome.MISS_STORED);
    assertThat(after.value()).isEqualTo("v2");
  }

  @Test
  void unlikeAnUpstreamFailureWhichServesStaleIfErrorWithoutAsking() {
    cache.get("k", refresh -> Future.succeededFuture("v1")).await();
    time.advance(Duration.ofMillis(89_800));
    cache.get("k", refresh -> Future.failedFuture(new IllegalStateException("down"))).await();
    time.advance(Duration.ofMillis(500));

    Lookup<String> after = cache.get("k", this::deferRefreshes).await();

    assertThat(loads).isEmpty();
    assertThat(after.outcome()).isEqualTo(CacheOutcome.STALE_IF_ERROR);
  }
}
