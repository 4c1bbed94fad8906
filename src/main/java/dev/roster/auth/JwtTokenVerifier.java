package dev.roster.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.roster.cache.ExpiringMap;
import dev.roster.metrics.AuthMetrics;
import dev.roster.time.TimeSource;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.text.ParseException;
import java.util.Set;

/**
 * Verifies bearer JWTs against one {@link KeySource}, remembering each accepted token until its
 * {@code exp}. The hit path is one map lookup returning the very future stored at verification.
 * Misses run synchronously on the caller's thread, except a token with an unknown {@code kid},
 * which waits for a JWKS refetch and then resumes on the caller's context.
 */
final class JwtTokenVerifier implements TokenVerifier {
  /** Longer headers are refused before any parsing; Clerk's tokens are well under 2 KiB. */
  static final int MAX_HEADER_CHARS = 8 * 1024;

  static final long MAX_CACHED_TOKENS = 100_000;

  private final KeySource source;
  private final ClaimsPolicy policy;
  private final CallerMapper callers;
  private final TimeSource time;
  private final AuthMetrics metrics;
  private final ExpiringMap<TokenKey, CachedToken> cache;
  /** Bumped whenever tokens are forgotten; written by one thread (the key source's). */
  private volatile long generation;

  /** An accepted token: the answer to hand out again, the key that signed it, its {@code exp}. */
  private record CachedToken(Future<Caller> result, VerificationKey key, long expiresAtMillis) {}

  JwtTokenVerifier(
      KeySource source,
      ClaimsPolicy policy,
      CallerMapper callers,
      TimeSource time,
      AuthMetrics metrics) {
    this.source = source;
    this.policy = policy;
    this.callers = callers;
    this.time = time;
    this.metrics = metrics;
    this.cache =
        new ExpiringMap<>(
            MAX_CACHED_TOKENS,
            time,
            (header, token) -> (token.expiresAtMillis() - time.epochMillis()) * 1_000_000L);
    source.onKeysDropped(this::forget);
  }

  @Override
  public Future<Caller> verify(String authorizationHeader) {
    if (authorizationHeader == null || authorizationHeader.isBlank()) {
      return refuse(Refusal.MISSING);
    }
    if (authorizationHeader.length() > MAX_HEADER_CHARS) {
      return refuse(Refusal.TOO_LARGE);
    }
    CachedToken hit = cachedToken(authorizationHeader);
    if (hit != null) {
      metrics.cacheHit();
      return hit.result();
    }
    metrics.cacheMiss();
    return verifyUncached(authorizationHeader);
  }

  @Override
  public Caller cached(String authorizationHeader) {
    CachedToken hit = cachedToken(authorizationHeader);
    if (hit == null) {
      return null;
    }
    metrics.cacheHit();
    return hit.result().result();
  }

  @Override
  public Caller cached(String authorizationHeader, RecentToken recent) {
    long now = time.epochMillis();
    if (recent.verifier == this
        && recent.generation == generation
        && recent.expiresAtMillis > now
        && authorizationHeader != null
        && authorizationHeader.equals(recent.header)) {
      metrics.cacheHit();
      return recent.caller;
    }
    long seen = generation;
    CachedToken hit = cachedToken(authorizationHeader);
    if (hit == null) {
      return null;
    }
    recent.remember(this, authorizationHeader, hit.result().result(), hit.expiresAtMillis(), seen);
    metrics.cacheHit();
    return hit.result().result();
  }

  /**
   * The accepted, unexpired token cached for this header, or null. Keyed by the whole header:
   * any byte of difference is a different token, and a hit needs no substring.
   */
  private CachedToken cachedToken(String authorizationHeader) {
    if (authorizationHeader == null || authorizationHeader.length() > MAX_HEADER_CHARS) {
      return null;
    }
    CachedToken hit = cache.get(new TokenKey(authorizationHeader));
    return hit == null
            || hit.expiresAtMillis() <= time.epochMillis()
            || !hit.result().succeeded()
        ? null
        : hit;
  }

  private Future<Caller> verifyUncached(String header) {
    if (!header.regionMatches(true, 0, "Bearer", 0, 6)
        || (header.length() > 6 && header.charAt(6) != ' ')) {
      return refuse(Refusal.NOT_BEARER);
    }
    String token = header.substring(6).strip();
    if (token.isEmpty()) {
      return refuse(Refusal.MISSING);
    }
    if (!isCompactJws(token)) {
      return refuse(Refusal.MALFORMED);
    }
    SignedJWT jwt;
    try {
      jwt = SignedJWT.parse(token);
    } catch (ParseException | RuntimeException e) {
      return refuse(Refusal.MALFORMED);
    }
    JWSHeader jws = jwt.getHeader();
    // We understand no critical extension, so any "crit" (and b64=false, which needs it) fails.
    if (jws.getCriticalParams() != null || !jws.isBase64URLEncodePayload()) {
      return refuse(Refusal.UNSUPPORTED_HEADER);
    }
    JWSAlgorithm algorithm = jws.getAlgorithm();
    if (!source.algorithms().contains(algorithm)) {
      return refuse(Refusal.ALGORITHM);
    }
    String kid = jws.getKeyID();
    KeySet keys = source.keys();
    VerificationKey key = keys.find(kid, algorithm);
    if (key != null) {
      return verifySigned(header, jwt, key);
    }
    if (keys.isEmpty() && kid == null) {
      return refuse(Refusal.NO_KEYS);
    }
    if (kid == null) {
      // Without a kid there is nothing to refetch for, and no single key fits.
      return refuse(Refusal.UNKNOWN_KEY);
    }
    if (keys.names(kid)) {
      return refuse(Refusal.ALGORITHM);
    }
    return afterRefetch(header, jwt, kid, algorithm);
  }

  /** Waits for fresh keys, then finishes on the caller's context (not the fetch's). */
  private Future<Caller> afterRefetch(
      String header, SignedJWT jwt, String kid, JWSAlgorithm algorithm) {
    Context context = Vertx.currentContext();
    Promise<Caller> result = Promise.promise();
    source
        .refetchForUnknownKid()
        .onComplete(
            refetched -> {
              if (context == null) {
                finishAfterRefetch(header, jwt, kid, algorithm, result);
              } else {
                context.runOnContext(v -> finishAfterRefetch(header, jwt, kid, algorithm, result));
              }
            });
    return result.future();
  }

  private void finishAfterRefetch(
      String header, SignedJWT jwt, String kid, JWSAlgorithm algorithm, Promise<Caller> result) {
    KeySet keys = source.keys();
    VerificationKey key = keys.find(kid, algorithm);
    Future<Caller> outcome =
        key != null
            ? verifySigned(header, jwt, key)
            : refuse(keys.isEmpty() ? Refusal.NO_KEYS : Refusal.UNKNOWN_KEY);
    outcome.onComplete(result);
  }

  private Future<Caller> verifySigned(String header, SignedJWT jwt, VerificationKey key) {
    try {
      if (!jwt.verify(key.verifier())) {
        return refuse(Refusal.SIGNATURE);
      }
    } catch (JOSEException | RuntimeException e) {
      return refuse(Refusal.SIGNATURE);
    }
    long now = time.epochMillis();
    JWTClaimsSet claims;
    Caller caller;
    try {
      claims = jwt.getJWTClaimsSet();
      Refusal refusal = policy.check(claims, now);
      if (refusal == null && !(jwt.getPayload().toJSONObject().get("sub") instanceof String)) {
        // Nimbus turns a numeric sub into text; RFC 7519 §4.1.2 makes it a string, and two
        // tokens must never name one caller through 42 and "42".
        refusal = Refusal.SUBJECT_NOT_STRING;
      }
      if (refusal != null) {
        return refuse(refusal);
      }
      caller = callers.map(claims);
    } catch (ParseException | RuntimeException e) {
      // Claims of an unexpected shape are refused, never turned into a server error.
      return refuse(Refusal.MALFORMED);
    }
    Future<Caller> accepted = Future.succeededFuture(caller);
    long expiresAtMillis = claims.getExpirationTime().getTime();
    if (expiresAtMillis > now) {
      cache.put(new TokenKey(header), new CachedToken(accepted, key, expiresAtMillis));
    }
    metrics.verified("accepted");
    return accepted;
  }

  private Future<Caller> refuse(Refusal refusal) {
    metrics.verified(refusal.outcome);
    return refusal.future;
  }

  /** Drops cached tokens signed by keys the JWKS no longer lists. */
  private void forget(Set<VerificationKey> dropped) {
    // Connections' recent tokens are dropped too: they compare this number before trusting one.
    generation++;
    cache.removeIf(token -> dropped.contains(token.key()));
  }

  /** Exactly three base64url parts (no padding) with a non-empty signature. */
  static boolean isCompactJws(String token) {
    int dots = 0;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c == '.') {
        dots++;
      } else if (!((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_')) {
        return false;
      }
    }
    return dots == 2 && token.charAt(0) != '.' && token.charAt(token.length() - 1) != '.';
  }

  @Override
  public boolean isReady() {
    return !source.keys().isEmpty();
  }

  @Override
  public String keysProblem() {
    String failure = source.lastFailure();
    return failure == null ? null : "JWKS: " + failure;
  }

  @Override
  public Future<Void> start() {
    return source.start();
  }

  @Override
  public void close() {
    source.close();
  }
}
