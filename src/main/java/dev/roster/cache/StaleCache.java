package dev.roster.cache;

import dev.roster.cache.CacheSpace.RegionKey;
import dev.roster.config.CacheOptions;
import dev.roster.metrics.CacheMetrics;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.PromiseInternal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * One region of an app's {@link CacheSpace} with HTTP-cache semantics: fresh for {@code ttl},
 * then served stale while one background refresh runs ({@code staleWhileRevalidate}), then
 * served stale only when a fetch fails ({@code staleIfError}). Concurrent misses and refreshes
 * of a key share one fetch. Newer data wins: a value is never replaced by one whose fetch
 * started earlier, and a fetch that was in flight when its key was invalidated is not stored.
 */
public final class StaleCache<V> {
  private static final long INVALIDATION_MEMORY_NANOS = Duration.ofMinutes(10).toNanos();
  /** After a failed fetch, stale reads of that key wait this long before asking again. */
  static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);

  private final String region;
  private final CacheSpace space;
  private final ToLongFunction<V> weigher;
  private final Predicate<V> negative;
  private final Map<String, InFlight<V>> inFlight = new ConcurrentHashMap<>();
  private final ExpiringMap<String, Long> invalidatedAt;
  private final CacheMetrics.RegionLookups lookups;
  /** The failure of each key's last fetch, for {@link #RETRY_AFTER_FAILURE}. */
  private final ExpiringMap<String, Throwable> recentlyFailed;
  private final ExpiringMap<String, Boolean> recentlyDeferred;
  /** The cluster's shared level behind this region, or null. */
  private final SharedTier<V> tier;

  StaleCache(String region, CacheSpace space, ToLongFunction<V> weigher, Predicate<V> negative,
      SharedTier<V> tier) {
    this.tier = tier;
    this.region = region;
    this.space = space;
    this.weigher = weigher;
    this.negative = negative;
    this.lookups = space.metrics().region(region);
    this.invalidatedAt =
        new ExpiringMap<>(100_000, space.time(), (k, v) -> INVALIDATION_MEMORY_NANOS);
    this.recentlyFailed =
        new ExpiringMap<>(100_000, space.time(), (k, v) -> RETRY_AFTER_FAILURE.toNanos());
    this.recentlyDeferred =
        new ExpiringMap<>(100_000, space.time(), (k, v) -> RETRY_AFTER_FAILURE.toNanos());
  }

  /**
   * Fetches a value for the cache; {@code refresh} tells a background refresh of a stale entry
   * (nobody waits for it) from a miss a caller waits for. A loader may fail a refresh with
   * {@link RefreshDeferred}.
   */
  @FunctionalInterface
  public interface Loader<V> {
    Future<V> load(boolean refresh);
  }

  /** As {@link #get(String, Loader)} with a loader that treats refreshes and misses alike. */
  public Future<Lookup<V>> get(String key, Supplier<Future<V>> loader) {
    return get(key, refresh -> loader.get());
  }

  /**
   * Answers from the cache when it may, else through {@code loader}, which is called at most
   * once per key at a time. Fails only when there is no usable entry and the fetch failed.
   */
  public Future<Lookup<V>> get(String key, Loader<V> loader) {
    return get(key, loader, MissAdmission.ALWAYS);
  }

  /**
   * As {@link #get(String, Loader)}, asking {@code admission} before starting a fetch: a
   * refused background refresh is skipped (the stale entry is served), a refused miss fails with
   * the refusal, which is not remembered for the key.
   */
  public Future<Lookup<V>> get(String key, Loader<V> loader, MissAdmission admission) {
    long now = space.time().nanoTime();
    CacheEntry<V> entry = peek(key);
    if (entry != null && entry.isFresh(now)) {
      lookups.hit().increment();
      return Future.succeededFuture(new Lookup<>(entry, CacheOutcome.HIT));
    }
    Throwable failedJustNow = recentlyFailed.get(key);
    if (entry != null && entry.isRevalidatable(now)) {
      lookups.stale().increment();
      if (failedJustNow == null && recentlyDeferred.get(key) == null) {
        load(key, loader, true, admission);
      }
      return Future.succeededFuture(new Lookup<>(entry, CacheOutcome.STALE));
    }
    if (failedJustNow != null && (entry == null || entry.isUsable(now))) {
      // The upstream failed this key a moment ago: serve the stale copy, or that failure, without
      // asking again, so an outage costs one attempt per key per second, not one per read.
      if (entry == null) {
        return Future.failedFuture(failedJustNow);
      }
      lookups.staleIfError().increment();
      return Future.succeededFuture(new Lookup<>(entry, CacheOutcome.STALE_IF_ERROR));
    }
    Future<Lookup<V>> fetched = load(key, loader, false, admission);
    if (entry == null) {
      return fetched;
    }
    return fetched.recover(
        failure -> {
          // Whatever is held now: an eviction or a tombstone since the read must win.
          CacheEntry<V> held = peek(key);
          if (held == null || !held.isUsable(space.time().nanoTime())) {
            return Future.failedFuture(failure);
          }
          lookups.staleIfError().increment();
          return Future.succeededFuture(new Lookup<>(held, CacheOutcome.STALE_IF_ERROR));
        });
  }

  /**
   * The entry for {@code key} if it is fresh (counted as a hit), else null: the synchronous
   * fast path of a lookup, for callers that fall back to {@link #get} when it returns null.
   */
  public CacheEntry<V> fresh(String key) {
    CacheEntry<V> entry = freshUncounted(key);
    if (entry != null) {
      countHit();
    }
    return entry;
  }

  /**
   * The entry for {@code key} if it is fresh, else null, counting nothing: for a fast path that
   * counts its hits with {@link #countHit} only once it answers.
   */
  public CacheEntry<V> freshUncounted(String key) {
    CacheEntry<V> entry = peek(key);
    return entry == null || !entry.isFresh(space.time().nanoTime()) ? null : entry;
  }

  /** Counts one hit of a lookup answered from {@link #freshUncounted}. */
  public void countHit() {
    lookups.hit().increment();
  }

  /** The entry held for {@code key} that may still be served (fresh or stale), or null. */
  @SuppressWarnings("unchecked")
  public CacheEntry<V> peek(String key) {
    return (CacheEntry<V>) space.store().getIfPresent(new RegionKey(region, key));
  }

  /**
   * Stores a value fetched by a request that started at {@code fetchStartedNanos}, unless what
   * is held is newer or the key was invalidated since. Returns the entry held afterwards.
   */
  public CacheEntry<V> put(String key, V value, long fetchStartedNanos) {
    return store(key, value, fetchStartedNanos).entry();
  }

  /**
   * Writes a value pushed to Roster (a webhook, a tombstone) as the newest truth: it replaces
   * whatever is held and wins over every fetch already in flight.
   */
  public void write(String key, V value) {
    long now = space.time().nanoTime();
    space.store().put(new RegionKey(region, key), newEntry(value, now));
  }

  /**
   * Replaces the value held for {@code key}, if any, keeping its freshness; for patching a
   * cached aggregate (a member list) when one of its parts changes.
   */
  @SuppressWarnings("unchecked")
  public void update(String key, java.util.function.UnaryOperator<V> change) {
    space
        .store()
        .asMap()
        .computeIfPresent(
            new RegionKey(region, key),
            (k, old) -> ((CacheEntry<V>) old).withValue(change.apply(((CacheEntry<V>) old).value()), weigher));
  }

  /** Evicts a key; a fetch of it already in flight will not be stored. */
  public void invalidate(String key) {
    invalidatedAt.put(key, space.time().nanoTime());
    space.store().invalidate(new RegionKey(region, key));
  }

  /** Evicts every entry of this region whose value matches. */
  public void invalidateIf(Predicate<V> matches) {
    forEach(
        (key, value) -> {
          if (matches.test(value)) {
            invalidate(key);
          }
        });
  }

  /** Visits every live entry of this region (a weakly consistent snapshot). */
  @SuppressWarnings("unchecked")
  public void forEach(BiConsumer<String, V> visitor) {
    space
        .store()
        .asMap()
        .forEach(
            (k, e) -> {
              if (k.region().equals(region)) {
                visitor.accept(k.key(), ((CacheEntry<V>) e).value());
              }
            });
  }

  /** The clock this cache runs on, for callers that record when their fetch started. */
  public long nowNanos() {
    return space.time().nanoTime();
  }

  private Future<Lookup<V>> load(
      String key, Loader<V> loader, boolean refresh, MissAdmission admission) {
    if (!inFlight.containsKey(key)) {
      RuntimeException refused = admission.admit();
      if (refused != null) {
        return Future.failedFuture(refused);
      }
    }
    InFlight<V> mine = new InFlight<>(space.time().nanoTime());
    InFlight<V> running = inFlight.putIfAbsent(key, mine);
    if (running != null) {
      lookups.collapsed().increment();
      return onCallerContext(running.result.future())
          .map(stored -> new Lookup<>(stored.entry(), CacheOutcome.MISS_COLLAPSED));
    }
    lookups.miss().increment();
    Future<SharedTier.Loaded<V>> fetch;
    try {
      fetch =
          tier == null
              ? loader.load(refresh).map(SharedTier.Loaded::fetched)
              : tier.load(key, () -> loader.load(refresh));
    } catch (RuntimeException e) {
      fetch = Future.failedFuture(e);
    }
    fetch.onComplete(
        (loaded, failure) -> {
          inFlight.remove(key, mine);
          if (failure instanceof RefreshDeferred) {
            // Not an upstream failure: it must not let a read past staleWhileRevalidate be
            // answered stale without asking.
            recentlyDeferred.put(key, Boolean.TRUE);
            mine.result.fail(failure);
          } else if (failure != null) {
            recentlyFailed.put(key, failure);
            mine.result.fail(failure);
          } else {
            recentlyFailed.remove(key);
            recentlyDeferred.remove(key);
            // A value another replica fetched earlier is as old here as there, never fresher.
            long fetchedAt = mine.startedNanos - loaded.ageMillis() * 1_000_000L;
            Stored<V> stored = store(key, loaded.value(), fetchedAt);
            mine.result.complete(loaded.shared() ? stored.shared() : stored);
          }
        });
    return onCallerContext(mine.result.future())
        .map(stored -> new Lookup<>(stored.entry(), stored.outcome()));
  }

  private Stored<V> store(String key, V value, long startedNanos) {
    CacheEntry<V> fresh = newEntry(value, startedNanos);
    if (wasInvalidatedSince(key, startedNanos)) {
      return new Stored<>(fresh, false);
    }
    @SuppressWarnings("unchecked")
    CacheEntry<V> held =
        (CacheEntry<V>)
            space
                .store()
                .asMap()
                .compute(
                    new RegionKey(region, key),
                    (k, old) -> old != null && old.storedAtNanos() > startedNanos ? old : fresh);
    return held == fresh ? new Stored<>(fresh, true) : new Stored<>(held, false);
  }

  private CacheEntry<V> newEntry(V value, long startedNanos) {
    CacheOptions options = space.options();
    long freshFor =
        negative.test(value) ? options.notFoundTtl().toNanos() : options.ttl().toNanos();
    long freshUntil = startedNanos + freshFor;
    long revalidateUntil = freshUntil + options.staleWhileRevalidate().toNanos();
    long usableUntil =
        freshUntil
            + Math.max(
                options.staleWhileRevalidate().toNanos(), options.staleIfError().toNanos());
    return new CacheEntry<>(
        value, startedNanos, freshUntil, revalidateUntil, usableUntil, weigher.applyAsLong(value));
  }

  private boolean wasInvalidatedSince(String key, long startedNanos) {
    Long at = invalidatedAt.get(key);
    return (at != null && at >= startedNanos) || space.clearedAtNanos() >= startedNanos;
  }

  /** Brings a completion made on any event loop back to the caller's own context. */
  private static <T> Future<T> onCallerContext(Future<T> future) {
    ContextInternal context = ContextInternal.current();
    if (context == null) {
      return future;
    }
    PromiseInternal<T> promise = context.promise();
    future.onComplete(promise);
    return promise.future();
  }

  private record Stored<V>(CacheEntry<V> entry, boolean stored, boolean fromCluster) {
    Stored(CacheEntry<V> entry, boolean stored) {
      this(entry, stored, false);
    }

    Stored<V> shared() {
      return new Stored<>(entry, stored, true);
    }

    CacheOutcome outcome() {
      if (fromCluster) {
        return CacheOutcome.CLUSTER_HIT;
      }
      return stored ? CacheOutcome.MISS_STORED : CacheOutcome.MISS_NOT_STORED;
    }
  }

  private static final class InFlight<V> {
    final long startedNanos;
    final Promise<Stored<V>> result = Promise.promise();

    InFlight(long startedNanos) {
      this.startedNanos = startedNanos;
    }
  }
}
