package dev.roster.cluster;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import io.github.bucket4j.redis.consts.LuaScripts;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Bucket4j's compare-and-swap proxy manager on the Vert.x Redis client: {@code GET} reads a
 * bucket's state, Bucket4j's own Lua scripts ({@code LuaScripts.SCRIPT_SET_NX_PX}, {@code
 * SCRIPT_COMPARE_AND_SWAP_PX}) swap it. The same shape as Bucket4j's {@code
 * VertxBasedProxyManager}, which is not published to Maven Central; replace this class with
 * {@code com.bucket4j:bucket4j_jdk17-vertx} once it is. Asynchronous only: the synchronous
 * operations would block an event loop and are refused. Each command carries the access's
 * deadline.
 */
final class RedisProxyManager extends AbstractCompareAndSwapBasedProxyManager<String> {
  private final RedisAccess redis;
  private final ExpirationAfterWriteStrategy expiration;

  RedisProxyManager(RedisAccess redis, ClientSideConfig config,
      ExpirationAfterWriteStrategy expiration) {
    super(config);
    this.redis = redis;
    this.expiration = expiration;
  }

  @Override
  protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
    throw new UnsupportedOperationException("the shared budget is used asynchronously only");
  }

  @Override
  protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
    return new AsyncCompareAndSwapOperation() {
      @Override
      public CompletableFuture<Optional<byte[]>> getStateData(Optional<Long> timeoutNanos) {
        return stage(redis.send(Request.cmd(Command.GET).arg(key))
            .map(r -> Optional.ofNullable(r == null ? null : r.toBytes())));
      }

      @Override
      public CompletableFuture<Boolean> compareAndSwap(byte[] originalData, byte[] newData,
          RemoteBucketState newState, Optional<Long> timeoutNanos) {
        long ttl = Math.max(1, expiration.calculateTimeToLiveMillis(newState, currentTimeNanos()));
        Request eval = originalData == null
            ? Request.cmd(Command.EVAL).arg(LuaScripts.SCRIPT_SET_NX_PX).arg(1).arg(key)
                .arg(Buffer.buffer(newData)).arg(ttl)
            : Request.cmd(Command.EVAL).arg(LuaScripts.SCRIPT_COMPARE_AND_SWAP_PX).arg(1).arg(key)
                .arg(Buffer.buffer(originalData)).arg(Buffer.buffer(newData)).arg(ttl);
        return stage(redis.send(eval).map(RedisProxyManager::isOne));
      }
    };
  }

  @Override
  public void removeProxy(String key) {
    throw new UnsupportedOperationException("the shared budget is used asynchronously only");
  }

  @Override
  protected CompletableFuture<Void> removeAsync(String key) {
    return stage(redis.send(Request.cmd(Command.DEL).arg(key)).mapEmpty());
  }

  @Override
  public boolean isAsyncModeSupported() {
    return true;
  }

  @Override
  public boolean isExpireAfterWriteSupported() {
    return true;
  }

  private static boolean isOne(Response response) {
    return response != null && response.toLong() == 1L;
  }

  private static <T> CompletableFuture<T> stage(Future<T> future) {
    return future.toCompletionStage().toCompletableFuture();
  }
}
