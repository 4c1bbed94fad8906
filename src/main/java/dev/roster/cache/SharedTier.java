package dev.roster.cache;

import io.vertx.core.Future;
import java.util.function.Supplier;

/**
 * A second cache level behind one region, shared with other replicas (the cluster's Redis):
 * consulted on a miss or refresh, never on a fresh hit. {@link #load} returns a value another
 * replica stored while it is fresh, or fetches through {@code fetch} (at most one replica at a
 * time per key, the others waiting for its fill) and stores what it got. When the shared level
 * is away it simply calls {@code fetch}.
 */
public interface SharedTier<V> {
  /** The value for {@code key}: shared (with its age) or fetched; fails only as fetch does. */
  Future<Loaded<V>> load(String key, Supplier<Future<V>> fetch);

  /**
   * What a load gave.
   *
   * @param ageMillis how long ago the value was fetched from the upstream (0: just now)
   * @param shared whether another replica's fill answered (Cache-Status {@code detail=cluster})
   */
  record Loaded<V>(V value, long ageMillis, boolean shared) {
    public static <V> Loaded<V> fetched(V value) {
      return new Loaded<>(value, 0, false);
    }
  }

  /** Bytes to and from the shared level, for one region's values. */
  interface Codec<V> {
    byte[] encode(V value);

    /** The value, or null when the bytes are not one (an older or newer codec). */
    V decode(byte[] bytes);

    /**
     * The value a deletion tombstone stands for (a "not found" answer), or null when this region
     * has none (its tombstones then read as absent).
     */
    default V absent() {
      return null;
    }
  }

  /** Makes the shared tier of each region of one app. */
  interface Source {
    /**
     * @param negative which values are "not found" answers (kept for {@code notFoundTtl})
     */
    <V> SharedTier<V> tier(String region, Codec<V> codec, java.util.function.Predicate<V> negative);
  }
}
