package dev.roster.encoding;

import io.vertx.core.buffer.Buffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Makes one compressed form of a {@link Representations} exactly once: the first thread to ask
 * puts a pending marker in the form's slot and compresses; any other thread asking meanwhile
 * waits for that result instead of compressing again.
 */
final class Variants {
  private Variants() {}

  static Representation make(Representations all, ContentCoding coding) {
    AtomicReferenceArray<Object> forms = all.forms();
    int slot = coding.ordinal();
    while (true) {
      Object form = forms.get(slot);
      if (form instanceof Representation made) {
        return made;
      }
      if (form instanceof CompletableFuture<?> pending) {
        return (Representation) pending.join();
      }
      CompletableFuture<Representation> mine = new CompletableFuture<>();
      if (!forms.compareAndSet(slot, null, mine)) {
        continue;
      }
      Representation made;
      try {
        made = compress(all, coding);
      } catch (RuntimeException | Error e) {
        // Never fail an answer over compression: that coding is answered uncompressed.
        made = all.identity();
      }
      forms.set(slot, made);
      mine.complete(made);
      return made;
    }
  }

  private static Representation compress(Representations all, ContentCoding coding) {
    Representation identity = all.identity();
    byte[] compressed = Compressor.compress(coding, identity.bytes().getBytes(), all.effort());
    long cost = compressed.length + (long) Representations.FORM_OVERHEAD;
    if (compressed.length >= identity.bytes().length() || !all.take(cost)) {
      return identity;
    }
    return new Representation(coding, Buffer.buffer(compressed), all.etagOf(coding));
  }
}
