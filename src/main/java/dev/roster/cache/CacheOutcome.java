package dev.roster.cache;

/** How a lookup was answered; the HTTP layer turns it into a {@code Cache-Status} header. */
public enum CacheOutcome {
  /** A fresh entry. */
  HIT,
  /** A fresh entry another replica of the cluster fetched, read from the shared level. */
  CLUSTER_HIT,
  /** A stale entry served at once while it is refreshed in the background. */
  STALE,
  /** A stale entry served because the upstream failed (or is held off). */
  STALE_IF_ERROR,
  /** Fetched from the upstream by this request and stored. */
  MISS_STORED,
  /** Waited for a fetch another request had started (request collapsing). */
  MISS_COLLAPSED,
  /** Fetched, but not stored: the key was invalidated while the fetch was in flight. */
  MISS_NOT_STORED
}
