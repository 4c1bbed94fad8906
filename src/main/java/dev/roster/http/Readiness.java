package dev.roster.http;

import java.util.Collection;

/**
 * Whether Roster is ready to serve (SPEC §1): the listeners are up, every app has usable keys,
 * and it is not shutting down.
 */
public final class Readiness {
  private final Collection<AppRuntime> apps;
  private volatile boolean listening;
  private volatile boolean draining;

  public Readiness(Collection<AppRuntime> apps) {
    this.apps = apps;
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
