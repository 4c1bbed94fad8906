package dev.roster.auth;

import com.nimbusds.jose.JWSAlgorithm;
import dev.roster.metrics.AuthMetrics;
import dev.roster.time.TimeSource;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keys from a JWKS URL: fetched at start, every {@code refresh}, and when a token names an unknown
 * {@code kid} (at most once per {@code minRefetch} on the {@link TimeSource}). Concurrent requests
 * share one fetch. A failed, garbage or keyless answer keeps the last good keys. The first failure
 * after a success (or at start) is logged once with its cause, and so is the recovery; the
 * failures between are only counted.
 */
final class JwksKeySource implements KeySource {
  private static final Logger LOG = LoggerFactory.getLogger(JwksKeySource.class);
  static final Set<JWSAlgorithm> ALGORITHMS =
      Set.of(
          JWSAlgorithm.RS256,
          JWSAlgorithm.RS384,
          JWSAlgorithm.RS512,
          JWSAlgorithm.ES256,
          JWSAlgorithm.ES384,
          JWSAlgorithm.EdDSA,
          JWSAlgorithm.Ed25519);
  private static final Future<Boolean> NO_REFETCH = Future.succeededFuture(false);

  private final Vertx vertx;
  private final JwksClient client;
  private final TimeSource time;
  private final Duration refresh;
  private final long minRefetchNanos;
  private final AuthMetrics metrics;

  private volatile KeySet keys = KeySet.NO_JWKS_KEYS;
  private volatile Consumer<Set<VerificationKey>> droppedListener = dropped -> {};
  // Guarded by this: the fetch under way and when an unknown kid last caused one.
  private Future<Boolean> inFlight;
  private boolean refetchedBefore;
  private long lastRefetchNanos;
  private long timerId = -1;
  private boolean failing;
  private volatile String lastFailure;

  JwksKeySource(
      Vertx vertx,
      JwksClient client,
      TimeSource time,
      Duration refresh,
      Duration minRefetch,
      AuthMetrics metrics) {
    this.vertx = vertx;
    this.client = client;
    this.time = time;
    this.refresh = refresh;
    this.minRefetchNanos = minRefetch.toNanos();
    this.metrics = metrics;
    metrics.jwksSource();
  }

  @Override
  public Set<JWSAlgorithm> algorithms() {
    return ALGORITHMS;
  }

  @Override
  public KeySet keys() {
    return keys;
  }

  @Override
  public void onKeysDropped(Consumer<Set<VerificationKey>> listener) {
    this.droppedListener = listener;
  }

  @Override
  public Future<Void> start() {
    synchronized (this) {
      if (timerId < 0) {
        timerId = vertx.setPeriodic(refresh.toMillis(), id -> refresh());
      }
    }
    return refresh().mapEmpty();
  }

  @Override
  public synchronized Future<Boolean> refetchForUnknownKid() {
    if (inFlight != null) {
      return inFlight;
    }
    long now = time.nanoTime();
    if (refetchedBefore && now - lastRefetchNanos < minRefetchNanos) {
      return NO_REFETCH;
    }
    refetchedBefore = true;
    lastRefetchNanos = now;
    return refresh();
  }

  /** Fetches the JWKS unless a fetch is already under way; always succeeds. */
  synchronized Future<Boolean> refresh() {
    if (inFlight != null) {
      return inFlight;
    }
    Future<Boolean> fetch = client.fetch().map(this::install).otherwise(this::failed);
    inFlight = fetch;
    fetch.onComplete(
        done -> {
          synchronized (this) {
            if (inFlight == fetch) {
              inFlight = null;
            }
          }
        });
    return fetch;
  }

  @Override
  public void close() {
    synchronized (this) {
      if (timerId >= 0) {
        vertx.cancelTimer(timerId);
        timerId = -1;
      }
    }
    client.close();
  }

  private boolean failed(Throwable cause) {
    metrics.jwksFetched("failure");
    failing(JwksFailureCause.describe(cause));
    return false;
  }

  @Override
  public String lastFailure() {
    return lastFailure;
  }

  /** Logs the change to failing once; later failures until a success are only counted. */
  private void failing(String cause) {
    lastFailure = cause;
    synchronized (this) {
      if (failing) {
        return;
      }
      failing = true;
    }
    int held = keys.keys().size();
    LOG.atWarn()
        .addKeyValue("app", metrics.app())
        .addKeyValue("jwksUrl", client.address())
        .addKeyValue("cause", cause)
        .log(
            "JWKS of app {} could not be fetched: {}; {}",
            metrics.app(),
            cause,
            held == 0
                ? "the app has no keys: it refuses every token and is not ready"
                : "keeping the last good keys (" + held + ")");
  }

  private boolean install(String body) {
    List<VerificationKey> fetched = JwksMapper.parse(body);
    if (fetched == null || fetched.isEmpty()) {
      metrics.jwksFetched("invalid");
      failing("the answer is not a JWKS with a usable key");
      return false;
    }
    Set<VerificationKey> dropped;
    synchronized (this) {
      List<VerificationKey> old = keys.keys();
      dropped = Collections.newSetFromMap(new IdentityHashMap<>());
      dropped.addAll(old);
      List<VerificationKey> merged = new ArrayList<>(fetched.size());
      for (VerificationKey key : fetched) {
        VerificationKey kept = sameKey(old, key);
        // Keeping the old instance keeps the tokens cached against it valid.
        merged.add(kept != null ? kept : key);
        if (kept != null) {
          dropped.remove(kept);
        }
      }
      keys = new KeySet(List.copyOf(merged), false);
    }
    metrics.jwksFetched("success");
    metrics.jwksLoaded(time.epochMillis());
    boolean recovered;
    synchronized (this) {
      recovered = failing;
      failing = false;
      lastFailure = null;
    }
    if (recovered) {
      LOG.atInfo()
          .addKeyValue("app", metrics.app())
          .log("JWKS of app {} fetched again: {} keys", metrics.app(), fetched.size());
    }
    if (!dropped.isEmpty()) {
      droppedListener.accept(dropped);
    }
    return true;
  }

  private static VerificationKey sameKey(List<VerificationKey> old, VerificationKey key) {
    for (VerificationKey candidate : old) {
      if (candidate.kid().equals(key.kid())
          && candidate.material().equals(key.material())
          && candidate.algorithms().equals(key.algorithms())) {
        return candidate;
      }
    }
    return null;
  }
}
