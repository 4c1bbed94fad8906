package dev.roster.cluster;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether this replica is in step with the cluster (SYNCED: the events connection is up and
 * caught up) or on its own (DEGRADED: Redis away, cut off, or not yet reached). Shared data
 * operations (L2, locks, the shared budget) are attempted only while synced; a change of state
 * is logged once, without a stack trace and without the Redis URL.
 */
final class ClusterState {
  private static final System.Logger LOG = System.getLogger(ClusterState.class.getName());

  private final AtomicBoolean synced = new AtomicBoolean();
  private volatile boolean everSynced;
  private volatile boolean announcedDegraded;

  boolean synced() {
    return synced.get();
  }

  /** Whether this replica has ever been in step with the cluster since it started. */
  boolean everSynced() {
    return everSynced;
  }

  void toSynced(String how) {
    everSynced = true;
    if (synced.compareAndSet(false, true)) {
      announcedDegraded = false;
      LOG.log(System.Logger.Level.INFO, "cluster connected (" + how + ")");
    }
  }

  /** Marks this replica on its own; logs once per outage, whatever the number of retries. */
  void toDegraded(String why) {
    boolean was = synced.getAndSet(false);
    if (was || !announcedDegraded) {
      announcedDegraded = true;
      LOG.log(System.Logger.Level.WARNING,
          "cluster unavailable, serving on this replica alone (" + why + ")");
    }
  }
}
