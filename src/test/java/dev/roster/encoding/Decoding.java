package dev.roster.encoding;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.Decoder;
import com.aayushatharva.brotli4j.decoder.DecoderJNI;
import com.aayushatharva.brotli4j.decoder.DirectDecompress;
import com.github.luben.zstd.ZstdInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Decodes a body by its {@code Content-Encoding} with each coding's own reference decoder. */
public final class Decoding {
  private Decoding() {}

  public static byte[] decode(String contentEncoding, byte[] body) throws IOException {
    if (contentEncoding == null || contentEncoding.equals("identity")) {
      return body;
    }
    switch (contentEncoding) {
      case "br" -> {
        Brotli4jLoader.ensureAvailability();
        DirectDecompress result = Decoder.decompress(body);
        if (result.getResultStatus() != DecoderJNI.Status.DONE) {
          throw new IOException("brotli: " + result.getResultStatus());
        }
        return result.getDecompressedData();
      }
      case "zstd" -> {
        try (InputStream in = new ZstdInputStream(new ByteArrayInputStream(body))) {
          return in.readAllBytes();
        }
      }
      case "gzip" -> {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
          return in.readAllBytes();
        }
      }
      default -> throw new IOException("unknown coding " + contentEncoding);
    }
  }
}
