package dev.roster.http;

import dev.roster.encoding.Representations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;

/**
 * A file shipped in the jar and served as-is (the widget script, the demo page): read once per
 * process, with every compressed form (SPEC §10) made then at the highest effort, each with its
 * strong ETag, so a new release is a new tag.
 */
record StaticAsset(Representations representations, String contentType) {

  /**
   * Loads {@code resource} on a pool thread: compressing at the highest effort takes a few hundred
   * milliseconds the first time (native libraries load), which must not block an event loop.
   */
  static CompletableFuture<StaticAsset> loadInBackground(String resource, String contentType) {
    return CompletableFuture.supplyAsync(() -> load(resource, contentType));
  }

  /** Reads {@code resource} from the classpath; a missing one is a packaging bug. */
  static StaticAsset load(String resource, String contentType) {
    try (InputStream in = StaticAsset.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return new StaticAsset(Representations.eager(in.readAllBytes()), contentType);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
