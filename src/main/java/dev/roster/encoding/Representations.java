package dev.roster.encoding;

import io.vertx.core.buffer.Buffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Every representation of one answer's bytes: the identity, and its compressed forms (SPEC §10),
 * each made at most once, the first time a client asks for it, and then kept as long as the
 * answer is. Answers under {@value #MIN_COMPRESSED} bytes are never compressed.
 *
 * <p>Memory is bounded up front: an answer reserves {@code reserve} bytes for its compressed
 * forms when it is made (the cache counts that reservation in its weight), and a form that would
 * not fit in what is left, or that is no smaller than the identity, is not kept; that coding is
 * then answered with the identity. For JSON the three forms together take well under the size of
 * the identity for large answers (a 500 KB list: about 130 KB for all three), and under twice
 * its size for small ones (a 1.2 KB user: about 2 KB with their overhead), so the reservation
 * (the identity's size, twice that under {@value #SMALL} bytes) is almost never exceeded.
 *
 * <p>Thread-safe: several event loops may ask for the same form at once; each form is made once
 * (see {@link Variants}).
 */
public final class Representations {
  /** SPEC §10: answers under 1 KB are not compressed. */
  public static final int MIN_COMPRESSED = 1024;

  /** Below this size an answer reserves twice its size for its compressed forms. */
  static final int SMALL = 8 * 1024;

  /** What one kept form costs beyond its bytes: its object, ETag and header values. */
  static final int FORM_OVERHEAD = 96;

  private final Representation identity;
  private final Effort effort;
  private final AtomicReferenceArray<Object> forms;
  private final AtomicLong reserveLeft;
  private final long reserve;

  private Representations(Representation identity, Effort effort, long reserve) {
    this.identity = identity;
    this.effort = effort;
    this.reserve = compressible(identity) ? reserve : 0;
    // An answer too small to compress, or made for one request, reserves nothing.
    this.reserveLeft = new AtomicLong(this.reserve);
    this.forms = new AtomicReferenceArray<>(ContentCoding.values().length);
    forms.set(ContentCoding.IDENTITY.ordinal(), identity);
  }

  /**
   * Representations of answer bytes made at run time, compressed lazily, reserving for the
   * compressed forms as much again as the identity, or twice as much for an answer under
   * {@value #SMALL} bytes (small answers compress least).
   */
  public static Representations of(Buffer bytes) {
    int length = bytes.length();
    return new Representations(
        new Representation(ContentCoding.IDENTITY, bytes, etagOf(bytes)), Effort.DYNAMIC,
        length < SMALL ? 2L * length : length);
  }

  /** Representations of bytes made for one request only: the identity, never compressed. */
  public static Representations uncompressed(Buffer bytes) {
    return new Representations(
        new Representation(ContentCoding.IDENTITY, bytes, etagOf(bytes)), Effort.DYNAMIC, 0);
  }

  /**
   * Representations of fixed bytes (a bundled script), every available form made now at the
   * highest effort, with no reservation limit: for bytes served for the life of the process.
   */
  public static Representations eager(byte[] bytes) {
    Buffer buffer = Buffer.buffer(bytes);
    Representations all =
        new Representations(
            new Representation(ContentCoding.IDENTITY, buffer, etagOf(buffer)), Effort.STATIC,
            Long.MAX_VALUE);
    for (ContentCoding coding : ContentCoding.COMPRESSED) {
      if (all.compressible()) {
        all.make(coding);
      }
    }
    return all;
  }

  /** The uncompressed representation. */
  public Representation identity() {
    return identity;
  }

  /** Whether compressed forms may exist (the identity has at least 1 KB). */
  public boolean compressible() {
    return reserve > 0;
  }

  /**
   * The representation of {@code coding} if it is decided (made, or known to be the identity),
   * else null: then {@link #make} decides it.
   */
  public Representation ready(ContentCoding coding) {
    if (!compressible() || !Compressor.available(coding)) {
      return identity;
    }
    Object form = forms.get(coding.ordinal());
    return form instanceof Representation made ? made : null;
  }

  /**
   * Makes (or waits for the one thread making) the representation of {@code coding}. Blocking:
   * it compresses on the calling thread; call it off the event loop for large answers.
   */
  public Representation make(ContentCoding coding) {
    Representation ready = ready(coding);
    return ready != null ? ready : Variants.make(this, coding);
  }

  /** The memory held: the identity and the whole reservation for compressed forms. */
  public long weight() {
    return identity.weight() + (reserve == Long.MAX_VALUE ? 0 : reserve);
  }

  /** The ETag {@code coding}'s form would have, known without compressing. */
  public String etagOf(ContentCoding coding) {
    return coding.etagOf(identity.etag());
  }

  AtomicReferenceArray<Object> forms() {
    return forms;
  }

  Effort effort() {
    return effort;
  }

  /** Takes {@code bytes} from the reservation; false (nothing taken) when they do not fit. */
  boolean take(long bytes) {
    if (reserve == Long.MAX_VALUE) {
      return true;
    }
    long left;
    do {
      left = reserveLeft.get();
      if (bytes > left) {
        return false;
      }
    } while (!reserveLeft.compareAndSet(left, left - bytes));
    return true;
  }

  private static boolean compressible(Representation identity) {
    return identity.bytes().length() >= MIN_COMPRESSED;
  }

  /** A strong ETag from the bytes: 22 characters of their SHA-256, quoted. */
  static String etagOf(Buffer bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes.getBytes());
      return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22)
          + '"';
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
