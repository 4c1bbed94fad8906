package dev.roster.http;

import java.util.Collection;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Roster is ready to serve (SPEC §1): the listeners are up, every app has usable keys,
 * and it is not shutting down. Each change (ready, or not ready and why) is logged once, as the
 * listeners come up and as the probes ask; an unchanged answer is not logged again.
 *
 * <p>An upstream that refuses an app's credentials (or rejects its requests: a wrong base URL)
 * makes Roster <em>degraded</em>, not unready:
 * every replica shares the configuration, so a 503 would take every pod out of its load
 * balancer and every other app (and every stale answer the refused one could still serve) with
 * it, and restarting would not fix the key. The reason is shown on the 200 instead, and in the
 * log and the {@code roster_upstream_credentials_refused} gauge, which is what to alert on.
 */
public final class Readiness {
  private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);
  private static final String UNKNOWN = "unknown";

  private final Collection<AppRuntime> apps;
  private final Supplier<String> degraded;
  private volatile String lastReported = UNKNOWN;
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
