package dev.roster.http;

import java.util.Collection;
import java.util.function.Supplier;

/**
 * Whether Roster is ready to serve (SPEC §1): the listeners are up, every app has usable keys,
 * and it is not shutting down.
 *
 * <p>An upstream that refuses an app's credentials (or rejects its requests: a wrong base URL)
 * makes Roster <em>degraded</em>, not unready:
 * every replica shares the configuration, so a 503 would take every pod out of its load
 * balancer and every other app (and every stale answer the refused one could still serve) with
 * it, and restarting would not fix the key. The reason is shown on the 200 instead, and in the
 * log and the {@code roster_upstream_credentials_refused} gauge, which is what to alert on.
 */
public final class Readiness {
  private final Collection<AppRuntime> apps;
  private final Supplier<String> degraded;
  private volatile boolean listening;
  private volatile boolean draining;

  public Readiness(Collection<AppRuntime> apps) {
    this(apps, () -> null);
  }

  /**
   * @param degraded null while all is well, else why some answers cannot be made (a refused
   *     credential, a rejecting base URL); it does not make Roster unready
   */
  public Readiness(Collection<AppRuntime> apps, Supplier<String> degraded) {
    this.apps = apps;
    this.degraded = degraded;
  }

  /** Null when nothing is degraded, else a short reason (shown with a 200). */
  public String degradedReason() {
    return degraded.get();
  }

  public void listenersUp() {
    listening = true;
  }

  public void draining() {
    draining = true;
  }

  /** Null when ready, else a short reason. */
  public String notReadyReason() {
    if (draining) {
      return "shutting down";
    }
    if (!listening) {
      return "listeners not up";
    }
    for (AppRuntime app : apps) {
      if (!app.verifier().isReady()) {
        return "app " + app.name() + " has no usable signing keys";
      }
    }
    return null;
  }
}
