package dev.roster.cluster;

import dev.roster.metrics.ClusterMetrics;
import dev.roster.time.TimeSource;
import dev.roster.upstream.channel.RequestBudget;
import dev.roster.upstream.channel.UpstreamBudget;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The cluster-wide budget of one upstream credential: one Bucket4j bucket in Redis of {@code
 * requestsPerSecond} tokens refilled greedily each second, shared by every replica and every
 * app that uses the credential. While Redis is away (or does not answer within the deadline) a
 * take is decided by a local bucket of this replica's share, {@code requestsPerSecond ÷ live
 * replicas} (at least 1), the last count seen. Never fails. Thread-safe.
 */
final class SharedBudget implements UpstreamBudget {
  private final AsyncBucketProxy bucket;
  private final ClusterState state;
  private final ClusterMetrics metrics;
  private final TimeSource time;
  private final IntSupplier livePods;
  private final Duration opTimeout;
  private final int requestsPerSecond;
  private volatile LocalShare local;
  private volatile long lastRemaining;

  SharedBudget(RedisProxyManager proxies, String key, int requestsPerSecond, ClusterState state,
      ClusterMetrics metrics, TimeSource time, IntSupplier livePods, Duration opTimeout) {
    BucketConfiguration config = BucketConfiguration.builder()
        .addLimit(limit -> limit.capacity(requestsPerSecond)
            .refillGreedy(requestsPerSecond, Duration.ofSeconds(1)))
        .build();
    // Batching: the takes of one replica that arrive while its previous compare-and-swap is in
    // flight go as one, so replicas contend with each other, not with themselves. Without it a
    // cold storm measured CAS retries running out and takes falling back to the local share.
    this.bucket = proxies.asAsync().builder()
        .withOptimization(Optimizations.batching())
        .build(key, () -> CompletableFuture.completedFuture(config));
    this.requestsPerSecond = requestsPerSecond;
    this.state = state;
    this.metrics = metrics;
    this.time = time;
    this.livePods = livePods;
    this.opTimeout = opTimeout;
    this.lastRemaining = requestsPerSecond;
  }

  @Override
  public Future<Duration> tryTake() {
    if (!state.synced()) {
      return takeLocally();
    }
    return Future.fromCompletionStage(bucket.tryConsumeAndReturnRemaining(1))
        .timeout(opTimeout.toMillis() * 2, TimeUnit.MILLISECONDS)
        .map(probe -> {
          metrics.budget("shared");
          lastRemaining = probe.getRemainingTokens();
          return probe.isConsumed() ? null : waitFor(probe);
        })
        .recover(unreachable -> takeLocally());
  }

  @Override
  public long available() {
    return state.synced() ? lastRemaining : share().budget.available();
  }

  private Future<Duration> takeLocally() {
    metrics.budget("local");
    return Future.succeededFuture(share().budget.tryTakeNow());
  }

  /** The local bucket for the current share, rebuilt when the number of live replicas moves. */
  private LocalShare share() {
    int pods = Math.max(1, livePods.getAsInt());
    int rate = Math.max(1, requestsPerSecond / pods);
    LocalShare current = local;
    if (current == null || current.rate != rate) {
      current = new LocalShare(rate, new RequestBudget(rate, time));
      local = current;
    }
    return current;
  }

  private static Duration waitFor(ConsumptionProbe probe) {
    long seconds = (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L;
    return Duration.ofSeconds(Math.max(1, seconds));
  }

  private record LocalShare(int rate, RequestBudget budget) {}
}
