package dev.roster.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import java.util.Set;

/**
 * One usable verification key: its {@code kid} (null for a PEM key or HMAC secret), the algorithms
 * it may verify, and the verifier itself. {@code material} identifies the key's public value so a
 * JWKS refresh can tell a kept key from a replaced one.
 */
record VerificationKey(
    String kid, Set<JWSAlgorithm> algorithms, JWSVerifier verifier, Object material) {

  boolean accepts(JWSAlgorithm algorithm) {
    return algorithms.contains(algorithm);
  }
}
