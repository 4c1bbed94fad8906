package dev.roster.auth;

import com.nimbusds.jose.JWSAlgorithm;
import java.util.List;

/**
 * An immutable snapshot of the keys one source holds. A JWKS set is looked up by {@code kid}; a
 * static set (one PEM key or HMAC secret) ignores the token's {@code kid}. Lists are a handful of
 * keys, so a scan beats a map.
 */
record KeySet(List<VerificationKey> keys, boolean matchesAnyKid) {
  static final KeySet NO_JWKS_KEYS = new KeySet(List.of(), false);

  boolean isEmpty() {
    return keys.isEmpty();
  }

  /** The key named by {@code kid} that accepts {@code algorithm}, or null. */
  VerificationKey find(String kid, JWSAlgorithm algorithm) {
    if (kid == null || matchesAnyKid) {
      return onlyKeyFor(algorithm, false);
    }
    for (VerificationKey key : keys) {
      if (kid.equals(key.kid())) {
        return key.accepts(algorithm) ? key : null;
      }
    }
    // A JWKS may publish a key without a kid; a token naming any kid may still use it when it is
    // the only one that fits (the signature check decides).
    return onlyKeyFor(algorithm, true);
  }

  /** True when some key carries {@code kid} (whatever its algorithms). */
  boolean names(String kid) {
    if (matchesAnyKid) {
      return !keys.isEmpty();
    }
    for (VerificationKey key : keys) {
      if (key.kid() != null && key.kid().equals(kid)) {
        return true;
      }
    }
    return false;
  }

  // Without a kid only an unambiguous key is used; trying several would multiply the work an
  // attacker can cause per token.
  private VerificationKey onlyKeyFor(JWSAlgorithm algorithm, boolean unnamedOnly) {
    VerificationKey found = null;
    for (VerificationKey key : keys) {
      if (key.accepts(algorithm) && (!unnamedOnly || key.kid() == null)) {
        if (found != null) {
          return null;
        }
        found = key;
      }
    }
    return found;
  }
}
