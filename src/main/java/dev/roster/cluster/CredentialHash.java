package dev.roster.cluster;

import dev.roster.config.UpstreamOptions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names an upstream credential without revealing it: the first 16 hex digits of SHA-256 over
 * {@code kind|baseUrl|credential} (Clerk: the secret key; Lexful: the account id and the API
 * key id or token). Apps configured with one Clerk secret key get the same name, hence one
 * budget and one hold.
 */
final class CredentialHash {
  private CredentialHash() {}

  static String of(UpstreamOptions options) {
    String credential = switch (options.provider()) {
      case CLERK -> options.secretKey();
      case LEXFUL -> options.accountId() + "|"
          + (options.apiKeyId() != null ? options.apiKeyId() : options.token());
    };
    String text = options.provider().wireName() + "|" + options.baseUrl() + "|" + credential;
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("SHA-256 is required of every JVM", impossible);
    }
  }
}
