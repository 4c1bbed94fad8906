package dev.roster.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.config.RateLimitOptions;
import dev.roster.time.ManualTimeSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CallerRateLimiterTest {
  private final ManualTimeSource time = new ManualTimeSource();

  private CallerRateLimiter limiter(int perSecond, int burst) {
    return new CallerRateLimiter(
        "lance", new RateLimitOptions(perSecond, burst), time, new SimpleMeterRegistry());
  }

  @Test
  void allowsTheBurstThenRefusesWithRetryAfter() {
    CallerRateLimiter limiter = limiter(1, 3);

    for (int i = 0; i < 3; i++) {
      assertThat(limiter.tryAcquire("user_a")).as("request %d", i).isZero();
    }
    assertThat(limiter.tryAcquire("user_a")).isEqualTo(1);
    assertThat(limiter.tryAcquire("user_a")).isEqualTo(1);
  }

  @Test
  void retryAfterRoundsTheWaitUpToWholeSeconds() {
    assertThat(CallerRateLimiter.retryAfterSeconds(1)).isEqualTo(1);
    assertThat(CallerRateLimiter.retryAfterSeconds(1_000_000_000L)).isEqualTo(1);
    assertThat(CallerRateLimiter.retryAfterSeconds(1_000_000_001L)).isEqualTo(2);
    assertThat(CallerRateLimiter.retryAfterSeconds(0)).isEqualTo(1);
  }

  @Test
  void refillsAsTimePasses() {
    CallerRateLimiter limiter = limiter(2, 4);
    for (int i = 0; i < 4; i++) {
      limiter.tryAcquire("user_a");
    }
    assertThat(limiter.tryAcquire("user_a")).isEqualTo(1);

    time.advance(Duration.ofMillis(500));
    assertThat(limiter.tryAcquire("user_a")).isZero();
    assertThat(limiter.tryAcquire("user_a")).isEqualTo(1);

    time.advance(Duration.ofSeconds(10));
    int allowed = 0;
    while (limiter.tryAcquire("user_a") == 0) {
      allowed++;
    }
    assertThat(allowed).as("refills up to the burst, never beyond").isEqualTo(4);
  }

  @Test
  void keepsCallersIndependent() {
    CallerRateLimiter limiter = limiter(1, 2);
    limiter.tryAcquire("user_a");
    limiter.tryAcquire("user_a");
    assertThat(limiter.tryAcquire("user_a")).isPositive();

    assertThat(limiter.tryAcquire("user_b")).isZero();
    assertThat(limiter.tryAcquire("user_b")).isZero();
    assertThat(limiter.tryAcquire("user_b")).isPositive();
  }

  @Test
  void keepsMemoryBoundedHoweverManyCallersArrive() {
    CallerRateLimiter limiter =
        new CallerRateLimiter(
            "lance", new RateLimitOptions(50, 100), time, new SimpleMeterRegistry(), 1_000);

    for (int i = 0; i < 200_000; i++) {
      assertThat(limiter.tryAcquire("user_" + i)).isZero();
    }

    assertThat(limiter.trackedCallers()).isLessThanOrEqualTo(1_000);
  }

  @Test
  void remembersABucketWhileItIsInUseAndForgetsItOnceFull() {
    CallerRateLimiter limiter = limiter(1, 3);
    for (int i = 0; i < 3; i++) {
      limiter.tryAcquire("user_a");
    }
    time.advance(Duration.ofSeconds(2));
    assertThat(limiter.tryAcquire("user_a")).isZero();
    assertThat(limiter.tryAcquire("user_a")).isZero();

    // 4 s after the bucket was made but 2 s after its last use: still remembered, 2 tokens back.
    time.advance(Duration.ofSeconds(2));
    assertThat(limiter.trackedCallers()).isEqualTo(1);
    assertThat(limiter.tryAcquire("user_a")).isZero();
    assertThat(limiter.tryAcquire("user_a")).isZero();
    assertThat(limiter.tryAcquire("user_a")).isPositive();

    time.advance(Duration.ofSeconds(3));
    assertThat(limiter.trackedCallers()).isZero();
  }

  @Test
  void aForgottenBucketComesBackFull() {
    CallerRateLimiter limiter = limiter(1, 3);
    for (int i = 0; i < 4; i++) {
      limiter.tryAcquire("user_a");
    }
    time.advance(Duration.ofSeconds(3));
    assertThat(limiter.trackedCallers()).isZero();

    int allowed = 0;
    while (limiter.tryAcquire("user_a") == 0) {
      allowed++;
    }
    assertThat(allowed).isEqualTo(3);
  }

  @Test
  void forgetsIdleBucketsAfterAtLeastOneSecond() {
    assertThat(CallerRateLimiter.idleNanosUntilFull(1, 50)).isEqualTo(1_000_000_000L);
    assertThat(CallerRateLimiter.idleNanosUntilFull(100, 50)).isEqualTo(2_000_000_000L);
    assertThat(CallerRateLimiter.idleNanosUntilFull(10, 3)).isEqualTo(3_333_333_334L);
  }

  @Test
  void neverAllowsMoreThanTheBurstUnderConcurrency() throws Exception {
    CallerRateLimiter limiter = limiter(1, 100);
    AtomicInteger allowed = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<CompletableFuture<Void>> runs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        runs.add(
            CompletableFuture.runAsync(
                () -> {
                  for (int i = 0; i < 1_000; i++) {
                    if (limiter.tryAcquire("user_a") == 0) {
                      allowed.incrementAndGet();
                    }
                  }
                },
                pool));
      }
      CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get();
    } finally {
      pool.shutdownNow();
    }
    assertThat(allowed).hasValue(100);
  }

  @Test
  void countsRefusalsPerApp() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    CallerRateLimiter limiter =
        new CallerRateLimiter("lance", new RateLimitOptions(1, 1), time, registry);
    limiter.tryAcquire("user_a");
    limiter.tryAcquire("user_a");
    limiter.tryAcquire("user_a");

    assertThat(registry.scrape()).contains("roster_rate_limited_total{app=\"lance\"} 2.0");
  }

  @Test
  void rejectsAnEmptyBucketOrRate() {
    assertThatThrownBy(() -> limiter(0, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> limiter(10, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
