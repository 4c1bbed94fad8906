package dev.roster.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Set;

/**
 * Turns key material into {@link VerificationKey}s, deciding which algorithms each key may verify:
 * RSA (2048 bits or more) → RS256/384/512; EC P-256 → ES256, P-384 → ES384; Ed25519 → EdDSA; an
 * HMAC secret → HS256. Nothing else is usable.
 */
final class VerificationKeyMapper {
  static final Set<JWSAlgorithm> RSA =
      Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512);
  static final Set<JWSAlgorithm> HMAC = Set.of(JWSAlgorithm.HS256);
  static final int MIN_RSA_BITS = 2048;
  static final int MIN_HMAC_BYTES = 32;

  private VerificationKeyMapper() {}

  /**
   * The key for one JWKS entry, or null when it is unusable: an unsupported type or curve, an
   * {@code enc} use, no {@code verify} operation, a weak RSA key or an {@code alg} that does not
   * fit the key.
   */
  static VerificationKey fromJwk(JWK jwk) {
    if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
      return null;
    }
    if (jwk.getKeyOperations() != null && !jwk.getKeyOperations().contains(KeyOperation.VERIFY)) {
      return null;
    }
    try {
      VerificationKey key = fromJwkMaterial(jwk);
      if (key == null || jwk.getAlgorithm() == null) {
        return key;
      }
      JWSAlgorithm declared = JWSAlgorithm.parse(jwk.getAlgorithm().getName());
      return key.accepts(declared)
          ? new VerificationKey(key.kid(), Set.of(declared), key.verifier(), key.material())
          : null;
    } catch (JOSEException | GeneralSecurityException | RuntimeException e) {
      return null;
    }
  }

  private static VerificationKey fromJwkMaterial(JWK jwk)
      throws JOSEException, GeneralSecurityException {
    String kid = jwk.getKeyID();
    JWK material = jwk.toPublicJWK();
    if (jwk instanceof RSAKey rsa) {
      return rsa.size() < MIN_RSA_BITS
          ? null
          : new VerificationKey(kid, RSA, new RSASSAVerifier(rsa.toRSAPublicKey()), material);
    }
    if (jwk instanceof ECKey ec) {
      Set<JWSAlgorithm> algorithms = ecAlgorithms(ec.getCurve());
      return algorithms == null
          ? null
          : new VerificationKey(kid, algorithms, new ECDSAVerifier(ec.toECPublicKey()), material);
    }
    if (jwk instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())) {
      PublicKey key = Ed25519JwsVerifier.publicKeyFromRaw(okp.getX().decode());
      return new VerificationKey(
          kid, Ed25519JwsVerifier.ALGORITHMS, new Ed25519JwsVerifier(key), material);
    }
    return null;
  }

  /** The key for a PEM public key; throws {@link IllegalArgumentException} when unusable. */
  static VerificationKey fromPublicKey(PublicKey key) {
    try {
      if (key instanceof RSAPublicKey rsa) {
        if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
          throw new IllegalArgumentException("an RSA key needs at least 2048 bits");
        }
        return new VerificationKey(null, RSA, new RSASSAVerifier(rsa), key);
      }
      if (key instanceof ECPublicKey ec) {
        Set<JWSAlgorithm> algorithms = ecAlgorithms(Curve.forECParameterSpec(ec.getParams()));
        if (algorithms == null) {
          throw new IllegalArgumentException("only P-256 and P-384 EC keys are supported");
        }
        return new VerificationKey(null, algorithms, new ECDSAVerifier(ec), key);
      }
      if (key instanceof EdECPublicKey ed && "Ed25519".equals(ed.getParams().getName())) {
        return new VerificationKey(
            null, Ed25519JwsVerifier.ALGORITHMS, new Ed25519JwsVerifier(key), key);
      }
    } catch (JOSEException e) {
      throw new IllegalArgumentException("the key cannot verify signatures");
    }
    throw new IllegalArgumentException(
        "only RSA, EC (P-256, P-384) and Ed25519 keys are supported");
  }

  /** The key for an HS256 secret; throws {@link IllegalArgumentException} when too short. */
  static VerificationKey fromHmacSecret(byte[] secret) {
    if (secret.length == 0) {
      throw new IllegalArgumentException("an HS256 secret cannot be empty");
    }
    try {
      // HMAC pads a key shorter than its 64-byte block with zeros (RFC 2104 §2), so a short
      // secret padded to the 32 bytes nimbus insists on verifies exactly the same MACs.
      byte[] key = secret.length < MIN_HMAC_BYTES ? Arrays.copyOf(secret, MIN_HMAC_BYTES) : secret;
      return new VerificationKey(null, HMAC, new MACVerifier(key), "hmac");
    } catch (JOSEException e) {
      throw new IllegalArgumentException("the secret cannot verify signatures");
    }
  }

  private static Set<JWSAlgorithm> ecAlgorithms(Curve curve) {
    if (Curve.P_256.equals(curve)) {
      return Set.of(JWSAlgorithm.ES256);
    }
    if (Curve.P_384.equals(curve)) {
      return Set.of(JWSAlgorithm.ES384);
    }
    return null;
  }
}
