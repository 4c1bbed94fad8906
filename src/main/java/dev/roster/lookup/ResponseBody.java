package dev.roster.lookup;

import dev.roster.encoding.Representations;
import io.vertx.core.buffer.Buffer;

/**
 * A ready-to-write JSON body, built once when an answer is stored so a cache hit only writes
 * bytes: its identity bytes and strong ETag, and its compressed forms (SPEC §10), each made once
 * the first time a client asks for it and kept with the cached answer, their memory reserved in
 * the answer's weight. A body made for one request only (an {@code ids} lookup) is never
 * compressed: compressing it would be work per request.
 */
public final class ResponseBody {
  private final Representations forms;

  private ResponseBody(Representations forms) {
    this.forms = forms;
  }

  /** Wraps encoded JSON that is cached, deriving the ETag from the bytes (a SHA-256 prefix). */
  public static ResponseBody of(Buffer bytes) {
    return new ResponseBody(Representations.of(bytes));
  }

  /** Wraps encoded JSON made for one request: sent uncompressed. */
  public static ResponseBody once(Buffer bytes) {
    return new ResponseBody(Representations.uncompressed(bytes));
  }

  /** Every representation of this body: identity and compressed forms. */
  public Representations representations() {
    return forms;
  }

  public Buffer bytes() {
    return forms.identity().bytes();
  }

  /** The identity's strong ETag, quotes included. */
  public String etag() {
    return forms.identity().etag();
  }

  /** The identity's ETag as a header value Vert.x need not validate again. */
  public CharSequence etagHeader() {
    return forms.identity().etagHeader();
  }

  /** The approximate memory this body holds, its reservation for compressed forms included. */
  public long weight() {
    return forms.weight();
  }
}
