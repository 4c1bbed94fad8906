package dev.roster.upstream.channel;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether one upstream of one app accepts how Roster is set up to call it. A 401 or 403
 * ({@link FailureKind#CREDENTIALS_REFUSED}) marks the credentials refused; a {@link
 * FailureKind#REJECTED} answer (a 404 without the vendor's not-found body, a redirect, a 400:
 * usually a wrong {@code baseUrl}) marks the setup rejected. The next read the upstream answers
 * as data (a 2xx, or its own 404) clears both. Each change is logged once, never per request,
 * naming the app, the upstream and the setting to check, never its value. Shown in {@code
 * /health/ready}'s reason; refused credentials also in the {@code
 * roster_upstream_credentials_refused} gauge. Thread-safe.
 */
public final class SetupStatus {
  private static final System.Logger LOG = System.getLogger(SetupStatus.class.getName());

  private final String app;
  private final String upstream;
  private final String credentialSetting;
  private final AtomicReference<String> refusal = new AtomicReference<>();
  private final AtomicReference<String> rejection = new AtomicReference<>();

  /**
   * @param credentialSetting the configuration key(s) that hold the credentials, e.g. {@code
   *     secretKey}
   */
  public SetupStatus(String app, String upstream, String credentialSetting) {
    this.app = app;
    this.upstream = upstream;
    this.credentialSetting = credentialSetting;
  }

  /** Records a 401/403; {@code what} names the status and call, never a secret or body. */
  public void refused(String what) {
    report(refusal, "refused Roster's credentials (" + what + "): check " + credentialSetting);
  }

  /** Records an answer that says the setup is wrong (never a secret or body in {@code what}). */
  public void rejected(String what) {
    report(rejection, "rejected a request (" + what + "): check baseUrl");
  }

  /** Records an answer that proves the credentials and the base URL work. */
  public void accepted() {
    boolean wasRefused = refusal.get() != null && refusal.getAndSet(null) != null;
    boolean wasRejected = rejection.get() != null && rejection.getAndSet(null) != null;
    if (wasRefused || wasRejected) {
      LOG.log(System.Logger.Level.INFO,
          "upstream " + upstream + " of app " + app + " answers Roster's requests again");
    }
  }

  /** The one-line reason while the credentials are refused or the setup rejected, else null. */
  public String problem() {
    String refused = refusal.get();
    return refused != null ? refused : rejection.get();
  }

  /** 1 while the credentials are refused, else 0, for the gauge. */
  public double refusedGauge() {
    return refusal.get() == null ? 0 : 1;
  }

  private void report(AtomicReference<String> slot, String what) {
    String reason = "upstream " + upstream + " of app " + app + " " + what;
    if (slot.getAndSet(reason) == null) {
      LOG.log(System.Logger.Level.ERROR, reason);
    }
  }
}
