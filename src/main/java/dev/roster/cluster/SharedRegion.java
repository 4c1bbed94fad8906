package dev.roster.cluster;

import dev.roster.cache.SharedTier;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One region of an app's second-level cache: hash {@code P:c1:{app:region:key}:val} with fields
 * {@code ver} (when the fetch started, epoch ms, so an older slow fill never overwrites a newer
 * one; {@link SharedCache#TOMBSTONE} for a deletion, which no fill overwrites), {@code gen} (the region's generation when the fetch started), {@code t} (fetched
 * at, epoch ms) and {@code d} (the codec's bytes; empty for a tombstone). A miss reads it; if
 * nothing fresh is there it takes {@code :lock} with {@code SET NX PX} and fetches, or, when
 * another replica holds the lock, re-reads at 25, 50, 100, 200 ms... until the value appears,
 * the lock goes, or {@code cluster.lockWait} has passed (then it fetches itself, as NGINX's
 * {@code proxy_cache_lock_timeout} does). Fills go through {@link #FILL}, which keeps the newer
 * version and releases the lock only if it still holds it. Any Redis failure: fetch directly.
 */
final class SharedRegion<V> implements SharedTier<V> {
  /** KEYS: val, lock. ARGV: ver, gen, t, d, px, token. Stores unless what is there is newer. */
  static final String FILL =
      "local cur = redis.call('HGET', KEYS[1], 'ver') "
          + "local stored = 0 "
          + "if (not cur) or tonumber(cur) <= tonumber(ARGV[1]) then "
          + "redis.call('HSET', KEYS[1], 'ver', ARGV[1], 'gen', ARGV[2], 't', ARGV[3], 'd', ARGV[4]) "
          + "redis.call('PEXPIRE', KEYS[1], ARGV[5]) stored = 1 end "
          + "if redis.call('GET', KEYS[2]) == ARGV[6] then redis.call('DEL', KEYS[2]) end "
          + "return stored";
  private static final long[] WAITS = {25, 50, 100, 200};
  private static final AtomicLong TOKENS = new AtomicLong();

  private final SharedCache shared;
  private final String region;
  private final Codec<V> codec;
  private final Predicate<V> negative;

  SharedRegion(SharedCache shared, String region, Codec<V> codec, Predicate<V> negative) {
    this.shared = shared;
    this.region = region;
    this.codec = codec;
    this.negative = negative;
  }

  @Override
  public Future<Loaded<V>> load(String key, Supplier<Future<V>> fetch) {
    if (!shared.state().synced()) {
      return fetch.get().map(Loaded::fetched);
    }
    return read(key).transform(ar -> {
      if (ar.failed()) {
        shared.metrics().l2("error");
        return fetch.get().map(Loaded::fetched);
      }
      Snapshot<V> seen = ar.result();
      if (seen.value != null) {
        shared.metrics().l2("hit");
        return Future.succeededFuture(seen.value);
      }
      shared.metrics().l2("miss");
      return fillOrWait(key, seen.generation, fetch, System.nanoTime(), true);
    });
  }

  private Future<Loaded<V>> fillOrWait(String key, long generation, Supplier<Future<V>> fetch,
      long waitStart, boolean mayLock) {
    String token = shared.podId() + ":" + TOKENS.incrementAndGet();
    Future<Boolean> locked = mayLock
        ? shared.redis().send(Request.cmd(Command.SET).arg(lockKey(key)).arg(token).arg("NX")
            .arg("PX").arg(shared.lockLife().toMillis())).map(r -> r != null)
        : Future.succeededFuture(false);
    return locked.transform(ar -> {
      if (ar.failed()) {
        return fetch.get().map(Loaded::fetched);
      }
      if (ar.result()) {
        shared.metrics().lock("acquired");
        return fill(key, generation, fetch, token);
      }
      shared.metrics().lock("waited");
      return waitForFill(key, generation, fetch, waitStart, 0);
    });
  }

  private Future<Loaded<V>> waitForFill(String key, long generation, Supplier<Future<V>> fetch,
      long waitStart, int attempt) {
    long waited = (System.nanoTime() - waitStart) / 1_000_000L;
    if (waited >= shared.lockWait().toMillis()) {
      shared.metrics().lock("timed_out");
      return fill(key, generation, fetch, "");
    }
    long delay = Math.min(WAITS[Math.min(attempt, WAITS.length - 1)],
        shared.lockWait().toMillis() - waited);
    Promise<Void> later = Promise.promise();
    shared.vertx().setTimer(Math.max(1, delay), id -> later.complete());
    return later.future()
        .compose(v -> read(key))
        .transform(ar -> {
          if (ar.failed()) {
            // A slow read while another replica fills: keep waiting (lockWait bounds it)
            // rather than fetch at once; if Redis is gone the state says so.
            return shared.state().synced()
                ? waitForFill(key, generation, fetch, waitStart, attempt + 1)
                : fetch.get().map(Loaded::fetched);
          }
          Snapshot<V> seen = ar.result();
          if (seen.value != null) {
            return Future.succeededFuture(seen.value);
          }
          if (!seen.locked) {
            // The holder finished without storing (a failure) or died: try once to take over.
            return fillOrWait(key, seen.generation, fetch, waitStart, attempt < 8);
          }
          return waitForFill(key, generation, fetch, waitStart, attempt + 1);
        });
  }

  private Future<Loaded<V>> fill(String key, long generation, Supplier<Future<V>> fetch,
      String token) {
    long startedAt = System.currentTimeMillis();
    return fetch.get()
        .onFailure(e -> release(key, token))
        .onSuccess(value -> store(key, value, generation, startedAt, token))
        .map(Loaded::fetched);
  }

  private void store(String key, V value, long generation, long startedAt, String token) {
    boolean isNegative = negative.test(value);
    long px = isNegative
        ? shared.cache().notFoundTtl().toMillis()
        : shared.cache().ttl().toMillis();
    shared.redis().send(Request.cmd(Command.EVAL).arg(FILL).arg(2).arg(valueKey(key))
        .arg(lockKey(key)).arg(startedAt).arg(generation)
        .arg(startedAt).arg(Buffer.buffer(codec.encode(value))).arg(Math.max(1, px)).arg(token));
  }

  private void release(String key, String token) {
    if (!token.isEmpty()) {
      shared.redis().send(Request.cmd(Command.EVAL)
          .arg("if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) "
              + "end return 0").arg(1).arg(lockKey(key)).arg(token));
    }
  }

  /** The region's generation, the value if usable now, and whether a fill lock is held. */
  private Future<Snapshot<V>> read(String key) {
    List<Request> requests = List.of(
        Request.cmd(Command.GET).arg(shared.keys().generation(shared.app(), region)),
        Request.cmd(Command.HGETALL).arg(valueKey(key)),
        Request.cmd(Command.EXISTS).arg(lockKey(key)));
    return shared.redis().batch(requests, shared.redis().opTimeout()).map(replies -> {
      long generation = replies.get(0) == null ? 0 : replies.get(0).toLong();
      Loaded<V> value = usable(replies.get(1), generation);
      boolean locked = replies.get(2) != null && replies.get(2).toLong() == 1L;
      return new Snapshot<>(generation, value, locked);
    });
  }

  private Loaded<V> usable(Response hash, long generation) {
    Fields fields = Fields.of(hash);
    if (fields.isEmpty()) {
      return null;
    }
    long ver = fields.number("ver");
    long gen = fields.number("gen");
    long t = fields.number("t");
    byte[] data = fields.bytes("d");
    if (gen < generation || data == null) {
      return null;
    }
    if (ver >= SharedCache.TOMBSTONE || data.length == 0) {
      V absent = codec.absent();
      return absent == null ? null : new Loaded<>(absent, 0, true);
    }
    V value = codec.decode(data);
    if (value == null) {
      return null;
    }
    long age = Math.max(0, System.currentTimeMillis() - t);
    long freshFor = negative.test(value)
        ? shared.cache().notFoundTtl().toMillis()
        : shared.cache().ttl().toMillis();
    return age < freshFor ? new Loaded<>(value, age, true) : null;
  }

  private String valueKey(String key) {
    return shared.keys().value(shared.app(), region, key);
  }

  private String lockKey(String key) {
    return shared.keys().lock(shared.app(), region, key);
  }

  private record Snapshot<V>(long generation, Loaded<V> value, boolean locked) {}
}
