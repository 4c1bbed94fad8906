package dev.roster.auth;

import io.vertx.core.Future;

/**
 * Verifies one app's bearer tokens against its key source (SPEC §3). Fails closed: with no
 * usable key every token is refused.
 */
public interface TokenVerifier {
  /**
   * Verifies the raw {@code Authorization} header value (may be null). Succeeds with the caller
   * or fails with {@link AuthFailure}. Never blocks; a token verified before is answered from
   * a cache until its {@code exp}.
   */
  Future<Caller> verify(String authorizationHeader);

  /**
   * The caller of a token accepted before and still cached (counted as a cache hit), else null:
   * never verifies, never fails. For a fast path that falls back to {@link #verify} on null.
   */
  default Caller cached(String authorizationHeader) {
    return null;
  }

  /** As {@link #cached(String)}, first comparing with the connection's {@code recent} token. */
  default Caller cached(String authorizationHeader, RecentToken recent) {
    return cached(authorizationHeader);
  }

  /** True while the verifier holds at least one usable key. */
  boolean isReady();

  /**
   * Why the last attempt to load keys failed (for example {@code "JWKS: HTTP status 503"}), or
   * null when it did not; safe to log and to show on {@code /health/ready}.
   */
  default String keysProblem() {
    return null;
  }

  /** Loads the keys (fetches the JWKS once); completes even if that fetch failed. */
  Future<Void> start();

  /** Stops background refreshes. */
  void close();
}
