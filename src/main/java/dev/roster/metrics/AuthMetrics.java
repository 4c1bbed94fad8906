package dev.roster.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The token-verification meters of one app, tagged {@code app} and {@code outcome} only. In
 * Prometheus terms: {@code roster_auth_jwks_fetches_total{outcome="success|failure|invalid"}},
 * {@code roster_auth_token_cache_total{outcome="hit|miss"}} and {@code
 * roster_auth_verifications_total{outcome="accepted|missing|expired|bad_signature|..."}}. The
 * verification counter counts full verifications only; a cache hit is counted as a hit.
 */
public final class AuthMetrics {
  /**
   * JWKS fetches by outcome: {@code success}, {@code failure} (transport, status), {@code invalid}.
   */
  public static final String JWKS_FETCHES = "roster.auth.jwks.fetches";

  /** Unix time of the last successful JWKS fetch, per app: stale when it stops moving. */
  public static final String JWKS_LAST_SUCCESS = "roster.auth.jwks.last.success";

  /** Verified-token cache lookups by outcome: {@code hit}, {@code miss}. */
  public static final String TOKEN_CACHE = "roster.auth.token.cache";

  /** Full verifications by outcome: {@code accepted} or the refusal's fixed reason tag. */
  public static final String VERIFICATIONS = "roster.auth.verifications";

  private final MeterRegistry registry;
  private final String app;
  private final Counter cacheHits;
  private final Counter cacheMisses;
  private final Map<String, Counter> fetches = new ConcurrentHashMap<>();
  private final Map<String, Counter> verifications = new ConcurrentHashMap<>();
  /** Epoch seconds of the last JWKS fetch that installed keys; 0 until one has. */
  private final AtomicLong jwksLastSuccess = new AtomicLong();

  public AuthMetrics(MeterRegistry registry, String app) {
    this.registry = registry;
    this.app = app;
    // The two hot-path counters are resolved once so a cache hit costs one increment.
    this.cacheHits = counter(TOKEN_CACHE, "Verified-token cache lookups", "hit");
    this.cacheMisses = counter(TOKEN_CACHE, "Verified-token cache lookups", "miss");
  }

  /** The app these meters are tagged with. */
  public String app() {
    return app;
  }

  /**
   * Registers {@code roster_auth_jwks_last_success_seconds{app}} for an app whose keys come from
   * a JWKS (0 until a fetch has installed keys, so a JWKS never loaded reads as stale too).
   */
  public void jwksSource() {
    Gauge.builder(JWKS_LAST_SUCCESS, jwksLastSuccess, AtomicLong::get)
        .description("Unix time of the last JWKS fetch that installed keys")
        .baseUnit("seconds")
        .tag("app", app)
        .register(registry);
  }

  /** Records a JWKS fetch that installed keys at {@code epochMillis}. */
  public void jwksLoaded(long epochMillis) {
    jwksLastSuccess.set(epochMillis / 1000);
  }

  public void cacheHit() {
    cacheHits.increment();
  }

  public void cacheMiss() {
    cacheMisses.increment();
  }

  /** Counts one JWKS fetch that ended with {@code outcome}. */
  public void jwksFetched(String outcome) {
    fetches
        .computeIfAbsent(outcome, o -> counter(JWKS_FETCHES, "JWKS fetches by outcome", o))
        .increment();
  }

  /** Counts one full token verification that ended with {@code outcome}. */
  public void verified(String outcome) {
    verifications
        .computeIfAbsent(outcome, o -> counter(VERIFICATIONS, "Token verifications", o))
        .increment();
  }

  private Counter counter(String name, String description, String outcome) {
    return Counter.builder(name)
        .description(description)
        .tag("app", app)
        .tag("outcome", outcome)
        .register(registry);
  }
}
