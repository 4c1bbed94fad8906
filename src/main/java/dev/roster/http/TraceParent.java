package dev.roster.http;

/**
 * Reads the trace id of a W3C Trace Context {@code traceparent} header
 * ({@code 00-<32 hex>-<16 hex>-<2 hex>}) for the access log, without allocating: an invalid
 * header (wrong shape, upper-case hex, version {@code ff}, an all-zero id) gives no trace id, as
 * the specification says a receiver must treat it as absent.
 */
final class TraceParent {
  static final CharSequence HEADER = io.vertx.core.http.HttpHeaders.createOptimized("traceparent");

  private TraceParent() {}

  /** Appends the quoted trace id, or {@code null} when the header is absent or invalid. */
  static void appendTraceId(LineBytes line, String header) {
    if (!valid(header)) {
      line.append("null");
      return;
    }
    line.append('"').append(header, 3, 35).append('"');
  }

  static boolean valid(String h) {
    if (h == null || h.length() < 55) {
      return false;
    }
    // Version 00 is exactly 55 characters; later versions may append fields after a dash.
    if (!hex(h, 0, 2) || (h.charAt(0) == 'f' && h.charAt(1) == 'f')) {
      return false;
    }
    boolean v00 = h.charAt(0) == '0' && h.charAt(1) == '0';
    if (v00 ? h.length() != 55 : h.length() > 55 && h.charAt(55) != '-') {
      return false;
    }
    return h.charAt(2) == '-' && hex(h, 3, 35) && h.charAt(35) == '-' && hex(h, 36, 52)
        && h.charAt(52) == '-' && hex(h, 53, 55) && !zeros(h, 3, 35) && !zeros(h, 36, 52);
  }

  private static boolean hex(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  private static boolean zeros(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) != '0') {
        return false;
      }
    }
    return true;
  }
}
