package dev.roster.lookup;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A ready-to-write JSON body and its strong ETag, built once when an answer is stored so a
 * cache hit only writes bytes. The ETag is also kept as a pre-validated header value.
 */
public final class ResponseBody {
  private final Buffer bytes;
  private final String etag;
  private final CharSequence etagHeader;

  private ResponseBody(Buffer bytes, String etag) {
    this.bytes = bytes;
    this.etag = etag;
    this.etagHeader = HttpHeaders.createOptimized(etag);
  }

  /** Wraps encoded JSON, deriving the ETag from the bytes (a SHA-256 prefix). */
  public static ResponseBody of(Buffer bytes) {
    return new ResponseBody(bytes, etagOf(bytes.getBytes()));
  }

  public Buffer bytes() {
    return bytes;
  }

  /** The strong ETag, quotes included. */
  public String etag() {
    return etag;
  }

  /** The ETag as a header value Vert.x need not validate again. */
  public CharSequence etagHeader() {
    return etagHeader;
  }

  /** The approximate memory this body holds. */
  public long weight() {
    return bytes.length() + 2L * etag.length() + 96L;
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
