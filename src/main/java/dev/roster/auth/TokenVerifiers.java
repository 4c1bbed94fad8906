package dev.roster.auth;

import dev.roster.config.AuthOptions;
import dev.roster.config.ConfigException;
import dev.roster.metrics.AuthMetrics;
import dev.roster.time.TimeSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Builds the {@link TokenVerifier} of one app from its {@code auth} options (SPEC §3). Call once
 * per app, then {@link TokenVerifier#start()} before serving and {@link TokenVerifier#close()} on
 * shutdown. The verifier is thread-safe: one instance serves every event loop.
 */
public final class TokenVerifiers {
  private TokenVerifiers() {}

  /**
   * The verifier for {@code auth}'s single key source: a JWKS URL (RS256/384/512, ES256/384,
   * EdDSA), a PEM public key (the algorithms of its key type) or an HMAC secret (HS256).
   *
   * @throws ConfigException when not exactly one key source is set, or the PEM key or HMAC secret
   *     is unusable; the message names {@code apps.<appName>.auth...}
   */
  public static TokenVerifier create(
      Vertx vertx, AuthOptions auth, TimeSource time, MeterRegistry registry, String appName) {
    AuthMetrics metrics = new AuthMetrics(registry, appName);
    KeySource source = keySource(vertx, auth, time, metrics, "apps." + appName + ".auth");
    return new JwtTokenVerifier(
        source, new ClaimsPolicy(auth), new CallerMapper(auth.orgClaim()), time, metrics);
  }

  /**
   * The checks {@link #create} makes of {@code auth}, without making anything: for {@code roster
   * check}, which starts nothing.
   *
   * @throws ConfigException as {@link #create} would
   */
  public static void check(AuthOptions auth, String appName) {
    String key = "apps." + appName + ".auth";
    countSources(auth, key);
    if (!isSet(auth.jwksUrl())) {
      staticKeySource(auth, key);
    }
  }

  private static KeySource keySource(
      Vertx vertx, AuthOptions auth, TimeSource time, AuthMetrics metrics, String key) {
    countSources(auth, key);
    if (isSet(auth.jwksUrl())) {
      return new JwksKeySource(
          vertx,
          new JwksClient(vertx, auth.jwksUrl()),
          time,
          orDefault(auth.jwksRefresh(), AuthOptions.DEFAULT_JWKS_REFRESH),
          orDefault(auth.jwksMinRefetchInterval(), AuthOptions.DEFAULT_JWKS_MIN_REFETCH_INTERVAL),
          metrics);
    }
    return staticKeySource(auth, key);
  }

  private static void countSources(AuthOptions auth, String key) {
    int sources =
        (isSet(auth.jwksUrl()) ? 1 : 0)
            + (isSet(auth.publicKeyPem()) ? 1 : 0)
            + (isSet(auth.hmacSecret()) ? 1 : 0);
    if (sources != 1) {
      throw new ConfigException(key + ": set exactly one of jwksUrl, publicKeyPem, hmacSecret");
    }
  }

  private static KeySource staticKeySource(AuthOptions auth, String key) {
    try {
      if (isSet(auth.publicKeyPem())) {
        return new StaticKeySource(
            VerificationKeyMapper.fromPublicKey(PemKeyMapper.parse(auth.publicKeyPem())));
      }
      return new StaticKeySource(
          VerificationKeyMapper.fromHmacSecret(auth.hmacSecret().getBytes(StandardCharsets.UTF_8)));
    } catch (IllegalArgumentException e) {
      String field = isSet(auth.publicKeyPem()) ? "publicKeyPem" : "hmacSecret";
      throw new ConfigException(key + "." + field + ": " + e.getMessage());
    }
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }

  private static Duration orDefault(Duration value, Duration fallback) {
    return value == null || value.isZero() || value.isNegative() ? fallback : value;
  }
}
