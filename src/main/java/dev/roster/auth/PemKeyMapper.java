package dev.roster.auth;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * Reads a PEM {@code PUBLIC KEY} (SubjectPublicKeyInfo) or {@code CERTIFICATE} into a JDK public
 * key with the JDK alone (nimbus's PEM reader needs BouncyCastle).
 */
final class PemKeyMapper {
  private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519");

  private PemKeyMapper() {}

  /** The public key in {@code pem}; throws {@link IllegalArgumentException} naming the problem. */
  static PublicKey parse(String pem) {
    String type = blockType(pem);
    byte[] der = body(pem, type);
    if ("CERTIFICATE".equals(type)) {
      try {
        return CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(der))
            .getPublicKey();
      } catch (GeneralSecurityException e) {
        throw new IllegalArgumentException("the PEM certificate cannot be read");
      }
    }
    if (!"PUBLIC KEY".equals(type)) {
      throw new IllegalArgumentException(
          "expected a \"PUBLIC KEY\" or \"CERTIFICATE\" PEM block, found \"" + type + "\"");
    }
    for (String algorithm : KEY_ALGORITHMS) {
      try {
        return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
      } catch (GeneralSecurityException | RuntimeException e) {
        // not this key type: try the next one
      }
    }
    throw new IllegalArgumentException("the PEM public key is not an RSA, EC or Ed25519 key");
  }

  private static String blockType(String pem) {
    int begin = pem.indexOf("-----BEGIN ");
    int end = begin < 0 ? -1 : pem.indexOf("-----", begin + 11);
    if (end < 0) {
      throw new IllegalArgumentException("not a PEM block (no -----BEGIN ...----- line)");
    }
    return pem.substring(begin + 11, end);
  }

  private static byte[] body(String pem, String type) {
    String header = "-----BEGIN " + type + "-----";
    String footer = "-----END " + type + "-----";
    int start = pem.indexOf(header) + header.length();
    int stop = pem.indexOf(footer, start);
    if (stop < 0) {
      throw new IllegalArgumentException("the PEM block has no " + footer + " line");
    }
    try {
      return Base64.getMimeDecoder().decode(pem.substring(start, stop));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the PEM block is not valid base64");
    }
  }
}
