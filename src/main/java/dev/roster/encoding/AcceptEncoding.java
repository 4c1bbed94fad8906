package dev.roster.encoding;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chooses the coding of an answer from the request's {@code Accept-Encoding} (RFC 9110 §12.5.3,
 * SPEC §10): the acceptable coding with the highest q-value, ties going to Roster's preference
 * ({@code br}, {@code zstd}, {@code gzip}, then identity). {@code q=0} refuses a coding; {@code *}
 * stands for every coding not named; {@code x-gzip} is {@code gzip}. No header, or an empty one,
 * means identity. When identity is refused and no compression is acceptable, identity is sent
 * anyway, as NGINX does (a 406 would leave a browser widget with nothing). Clients send few
 * distinct header values, so results are remembered for up to {@value #REMEMBERED} of them.
 */
public final class AcceptEncoding {
  static final int REMEMBERED = 512;
  private static final Map<String, ContentCoding> CHOSEN = new ConcurrentHashMap<>();

  private AcceptEncoding() {}

  /**
   * Loads the native compression libraries now, at start, rather than on the first request that
   * asks for {@code br} or {@code zstd}; returns the codings available on this platform.
   */
  public static java.util.List<ContentCoding> load() {
    java.util.List<ContentCoding> available = new java.util.ArrayList<>();
    for (ContentCoding coding : ContentCoding.values()) {
      if (Compressor.available(coding)) {
        available.add(coding);
      }
    }
    return available;
  }

  /** The coding to send for this {@code Accept-Encoding} value (null: the header is absent). */
  public static ContentCoding choose(String header) {
    if (header == null || header.isEmpty()) {
      return ContentCoding.IDENTITY;
    }
    ContentCoding chosen = CHOSEN.get(header);
    if (chosen == null) {
      chosen = parse(header);
      if (CHOSEN.size() < REMEMBERED) {
        CHOSEN.put(header, chosen);
      }
    }
    return chosen;
  }

  static ContentCoding parse(String header) {
    // q-values in thousandths; -1: not named.
    int[] named = {-1, -1, -1, -1};
    int star = -1;
    for (String element : header.split(",")) {
      String[] parts = element.split(";");
      String coding = parts[0].trim().toLowerCase(Locale.ROOT);
      if (coding.isEmpty()) {
        continue;
      }
      int q = 1000;
      for (int i = 1; i < parts.length; i++) {
        String param = parts[i].trim();
        if (param.length() > 2 && (param.charAt(0) == 'q' || param.charAt(0) == 'Q')
            && param.charAt(1) == '=') {
          q = qValue(param.substring(2).trim());
        }
      }
      if (coding.equals("*")) {
        star = Math.max(star, q);
      } else {
        ContentCoding known = known(coding);
        if (known != null) {
          named[known.ordinal()] = Math.max(named[known.ordinal()], q);
        }
      }
    }
    ContentCoding best = ContentCoding.IDENTITY;
    int bestQ = 0;
    for (ContentCoding coding : ContentCoding.values()) {
      int q = named[coding.ordinal()];
      if (q < 0) {
        // identity is acceptable unless refused, by name or by "*;q=0".
        q = star >= 0 ? star : (coding == ContentCoding.IDENTITY ? 1 : 0);
      }
      if (q > bestQ && Compressor.available(coding)) {
        best = coding;
        bestQ = q;
      }
    }
    return best;
  }

  private static ContentCoding known(String coding) {
    return switch (coding) {
      case "br" -> ContentCoding.BR;
      case "zstd" -> ContentCoding.ZSTD;
      case "gzip", "x-gzip" -> ContentCoding.GZIP;
      case "identity" -> ContentCoding.IDENTITY;
      default -> null;
    };
  }

  /** RFC 9110 qvalue: 0 to 1 with up to three decimals; anything else refuses. */
  private static int qValue(String text) {
    if (!text.matches("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?")) {
      return 0;
    }
    String digits = (text.length() > 2 ? text.substring(2) : "") + "000";
    return (text.charAt(0) - '0') * 1000 + Integer.parseInt(digits.substring(0, 3));
  }
}
