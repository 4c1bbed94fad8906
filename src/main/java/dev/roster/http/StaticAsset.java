package dev.roster.http;

import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A file shipped in the jar and served as-is (the widget script, the demo page): its bytes, read
 * once at start, and a strong ETag derived from them, so a new release is a new tag.
 */
record StaticAsset(Buffer bytes, String etag, String contentType) {

  /** Reads {@code resource} from the classpath; a missing one is a packaging bug. */
  static StaticAsset load(String resource, String contentType) {
    try (InputStream in = StaticAsset.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      byte[] bytes = in.readAllBytes();
      return new StaticAsset(Buffer.buffer(bytes), etagOf(bytes), contentType);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code "<base64url of the first 18 bytes of SHA-256>"}: strong, short, quote-safe. */
  static String etagOf(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      byte[] head = java.util.Arrays.copyOf(digest, 18);
      return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(head) + '"';
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
