package dev.roster.encoding;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;

/**
 * One representation of an answer: its bytes in one coding, its strong ETag, and the header
 * values a response carrying it needs ({@code ETag}, {@code Content-Length}), made once and
 * pre-validated so that sending it only adds ready values.
 */
public final class Representation {
  private final ContentCoding coding;
  private final Buffer bytes;
  private final String etag;
  private final CharSequence etagHeader;
  private final CharSequence contentLength;

  Representation(ContentCoding coding, Buffer bytes, String etag) {
    this.coding = coding;
    this.bytes = bytes;
    this.etag = etag;
    this.etagHeader = HttpHeaders.createOptimized(etag);
    this.contentLength = HttpHeaders.createOptimized(Integer.toString(bytes.length()));
  }

  public ContentCoding coding() {
    return coding;
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

  /** The {@code Content-Length} value of a 200 carrying these bytes (a HEAD sends it too). */
  public CharSequence contentLength() {
    return contentLength;
  }

  /** The memory these bytes and values hold, approximately. */
  long weight() {
    return bytes.length() + 2L * etag.length() + 96;
  }
}
