package dev.roster.encoding;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import com.github.luben.zstd.Zstd;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * Compresses bytes with one coding at one {@link Effort}. Brotli and Zstandard are native (JNI):
 * their libraries are loaded once, and a coding whose library cannot load on this platform is
 * reported unavailable (logged once) instead of failing requests; gzip is the JDK's.
 */
final class Compressor {
  private static final System.Logger LOG = System.getLogger(Compressor.class.getName());
  private static final boolean BROTLI = loadBrotli();
  private static final boolean ZSTD = loadZstd();

  private Compressor() {}

  /** Whether {@code coding} can be produced on this platform. */
  static boolean available(ContentCoding coding) {
    return switch (coding) {
      case BR -> BROTLI;
      case ZSTD -> ZSTD;
      case GZIP, IDENTITY -> true;
    };
  }

  /** The compressed bytes; {@code coding} must be available and not identity. */
  static byte[] compress(ContentCoding coding, byte[] input, Effort effort) {
    try {
      return switch (coding) {
        case BR -> Encoder.compress(
            input,
            new Encoder.Parameters().setQuality(effort.brotliQuality()).setMode(Encoder.Mode.TEXT));
        case ZSTD -> Zstd.compress(input, effort.zstdLevel());
        case GZIP -> gzip(input, effort.gzipLevel());
        case IDENTITY -> input;
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] gzip(byte[] input, int level) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(input.length / 4 + 64);
    // GZIPOutputStream has no level setter; its deflater is protected, so set it from a subclass.
    try (GZIPOutputStream gzip =
        new GZIPOutputStream(out, 8192) {
          {
            def.setLevel(level);
          }
        }) {
      gzip.write(input);
    }
    return out.toByteArray();
  }

  private static boolean loadBrotli() {
    try {
      Brotli4jLoader.ensureAvailability();
      return true;
    } catch (Throwable e) {
      LOG.log(System.Logger.Level.WARNING, "br disabled: Brotli's native library did not load ("
          + e + "); answers use zstd or gzip instead");
      return false;
    }
  }

  private static boolean loadZstd() {
    try {
      Zstd.compress(new byte[] {1}, 1);
      return true;
    } catch (Throwable e) {
      LOG.log(System.Logger.Level.WARNING, "zstd disabled: its native library did not load ("
          + e + "); answers use br or gzip instead");
      return false;
    }
  }

}
