package dev.roster.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Request ids: a caller's {@code X-Request-Id} when it is sane, else a new one. */
final class RequestIds {
  static final String KEY = "roster.requestId";
  static final CharSequence HEADER = io.vertx.core.http.HttpHeaders.createOptimized("X-Request-Id");
  private static final String PREFIX =
      Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36) + '-';
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private RequestIds() {}

  /** Assigns the request its id and echoes it on the response. */
  static String assign(HttpServerRequest request) {
    String given = request.getHeader(HEADER);
    String id =
        given != null && sane(given)
            ? given
            : PREFIX.concat(Long.toString(SEQUENCE.incrementAndGet(), 36));
    request.response().headers().add(HEADER, io.vertx.core.http.HttpHeaders.createOptimized(id));
    return id;
  }

  /** The id of a request on the router's path. */
  static String of(RoutingContext ctx) {
    AccessRecord record = AccessLogHandler.record(ctx);
    return record == null ? "-" : record.requestId;
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
