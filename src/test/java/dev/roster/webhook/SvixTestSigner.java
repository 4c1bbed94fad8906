package dev.roster.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs deliveries the way Svix does, written from Svix's documentation and independent of
 * {@link SvixSignatureVerifier}, so the tests check the verifier against a second opinion.
 */
public final class SvixTestSigner {
  /** The demo secret shared by every helper (helper-common.md). */
  public static final String DEMO_SECRET = "whsec_cm9zdGVyLWRlbW8td2ViaG9vay1zZWNyZXQtMzJieXRlcyE=";

  private SvixTestSigner() {}

  /** One {@code v1,<base64>} entry for the given delivery. */
  public static String v1(String whsecSecret, String id, long timestampSeconds, byte[] body) {
    try {
      byte[] key = Base64.getDecoder().decode(whsecSecret.substring("whsec_".length()));
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** The exact bytes of a fixture under {@code src/test/resources/webhooks/}. */
  static byte[] fixture(String name) {
    try (InputStream in = SvixTestSigner.class.getResourceAsStream("/webhooks/" + name)) {
      if (in == null) {
        throw new AssertionError("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
