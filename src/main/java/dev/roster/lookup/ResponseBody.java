package dev.roster.lookup;

import io.vertx.core.buffer.Buffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A ready-to-write JSON body and its strong ETag, built once when an answer is stored so a
 * cache hit only writes bytes.
 */
public record ResponseBody(Buffer bytes, String etag) {

  /** Wraps encoded JSON, deriving the ETag from the bytes (a SHA-256 prefix). */
  public static ResponseBody of(Buffer bytes) {
    return new ResponseBody(bytes, etagOf(bytes.getBytes()));
  }

  /** The approximate memory this body holds. */
  public long weight() {
    return bytes.length() + etag.length() + 64L;
  }

  private static String etagOf(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22)
          + '"';
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
