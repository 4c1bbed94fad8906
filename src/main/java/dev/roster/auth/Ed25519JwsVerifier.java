package dev.roster.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Set;

/**
 * EdDSA (Ed25519) verification on the JDK's own {@code Ed25519} provider; nimbus's verifier would
 * need Tink. The signature instance is made per call, so one verifier serves every thread.
 */
final class Ed25519JwsVerifier implements JWSVerifier {
  static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);

  // The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the raw 32-byte key follows.
  private static final byte[] SPKI_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };
  private static final int KEY_LENGTH = 32;
  private static final int SIGNATURE_LENGTH = 64;

  private final PublicKey key;
  private final JCAContext jcaContext = new JCAContext();

  Ed25519JwsVerifier(PublicKey key) {
    this.key = key;
  }

  /** The JDK key for a JWK's raw {@code x} value; throws when it is not 32 bytes. */
  static PublicKey publicKeyFromRaw(byte[] x) throws GeneralSecurityException {
    if (x.length != KEY_LENGTH) {
      throw new GeneralSecurityException("an Ed25519 key is 32 bytes");
    }
    byte[] spki = new byte[SPKI_PREFIX.length + KEY_LENGTH];
    System.arraycopy(SPKI_PREFIX, 0, spki, 0, SPKI_PREFIX.length);
    System.arraycopy(x, 0, spki, SPKI_PREFIX.length, KEY_LENGTH);
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
  }

  @Override
  public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) {
    if (!ALGORITHMS.contains(header.getAlgorithm())) {
      return false;
    }
    byte[] bytes = signature.decode();
    if (bytes.length != SIGNATURE_LENGTH) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key);
      verifier.update(signingInput);
      return verifier.verify(bytes);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  @Override
  public Set<JWSAlgorithm> supportedJWSAlgorithms() {
    return ALGORITHMS;
  }

  @Override
  public JCAContext getJCAContext() {
    return jcaContext;
  }
}
