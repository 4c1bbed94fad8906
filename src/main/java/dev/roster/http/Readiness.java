package dev.roster.http;

import java.util.Collection;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Roster is ready to serve (SPEC §1): the listeners are up, every app has usable keys,
 * and it is not shutting down. Each change (ready, or not ready and why) is logged once, as the
 * listeners come up and as the probes ask; an unchanged answer is not logged again.
 */
public final class Readiness {
  private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);
  private static final String UNKNOWN = "unknown";

  private final Collection<AppRuntime> apps;
  private volatile String lastReported = UNKNOWN;
  private volatile boolean listening;
  private volatile boolean draining;

  public Readiness(Collection<AppRuntime> apps) {
    this.apps = apps;
  }

  public void listenersUp() {
    listening = true;
    notReadyReason();
  }

  public void draining() {
    draining = true;
  }

  /** Null when ready, else a short reason; logs the answer when it changed. */
  public String notReadyReason() {
    String reason = reason();
    if (!draining && !Objects.equals(reason, lastReported)) {
      report(reason);
    }
    return reason;
  }

  private synchronized void report(String reason) {
    if (Objects.equals(reason, lastReported)) {
      return;
    }
    lastReported = reason;
    if (reason == null) {
      LOG.info("ready");
    } else {
      LOG.warn("not ready: {}", reason);
    }
  }

  private String reason() {
    if (draining) {
      return "shutting down";
    }
    if (!listening) {
      return "listeners not up";
    }
    for (AppRuntime app : apps) {
      if (!app.verifier().isReady()) {
        String problem = app.verifier().keysProblem();
        return "app " + app.name() + " has no usable signing keys"
            + (problem == null ? "" : " (" + problem + ")");
      }
    }
    return null;
  }
}
