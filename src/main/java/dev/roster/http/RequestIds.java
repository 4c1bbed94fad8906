package dev.roster.http;

import io.netty.util.AsciiString;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Request ids: a caller's {@code X-Request-Id} when it is sane, else a new one ({@code
 * <random prefix>-<sequence in base 36>}), made straight as header bytes: one array and one
 * {@link AsciiString} per request, which is also what the access log prints.
 */
final class RequestIds {
  static final CharSequence HEADER = io.vertx.core.http.HttpHeaders.createOptimized("X-Request-Id");
  private static final byte[] PREFIX =
      (Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36) + '-')
          .getBytes(StandardCharsets.US_ASCII);
  private static final byte[] DIGITS =
      "0123456789abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private RequestIds() {}

  /** Assigns the request its id and echoes it on the response. */
  static CharSequence assign(HttpServerRequest request) {
    CharSequence id = keepOrMake(request.getHeader(HEADER));
    request.response().headers().add(HEADER, id);
    return id;
  }

  /** The caller's id ({@code given}, may be null) when it is sane, else a new one. */
  static CharSequence keepOrMake(String given) {
    return given != null && sane(given)
        ? io.vertx.core.http.HttpHeaders.createOptimized(given)
        : next();
  }

  /** A new id. */
  static AsciiString next() {
    long n = SEQUENCE.incrementAndGet();
    byte[] id = new byte[PREFIX.length + 13];
    int at = id.length;
    do {
      id[--at] = DIGITS[(int) (n % 36)];
      n /= 36;
    } while (n > 0);
    int start = at - PREFIX.length;
    System.arraycopy(PREFIX, 0, id, start, PREFIX.length);
    return new AsciiString(id, start, id.length - start, false);
  }

  /** The id of a request on the router's path. */
  static String of(RoutingContext ctx) {
    AccessRecord record = AccessLogHandler.record(ctx);
    return record == null ? "-" : record.requestId.toString();
  }

  /** {@code [A-Za-z0-9._-]{1,64}}, checked without a regex on the request path. */
  static boolean sane(String id) {
    int length = id.length();
    if (length == 0 || length > 64) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = id.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_' || c == '-')) {
        return false;
      }
    }
    return true;
  }
}
