package dev.roster.http;

import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/** Request ids: a caller's {@code X-Request-Id} when it is sane, else a new one. */
final class RequestIds {
  static final String KEY = "roster.requestId";
  static final CharSequence HEADER = io.vertx.core.http.HttpHeaders.createOptimized("X-Request-Id");
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final String PREFIX =
      Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private RequestIds() {}

  /** Assigns the request its id and echoes it on the response. */
  static String assign(RoutingContext ctx) {
    String given = ctx.request().getHeader(HEADER);
    String id =
        given != null && SANE.matcher(given).matches()
            ? given
            : PREFIX + '-' + Long.toString(SEQUENCE.incrementAndGet(), 36);
    ctx.put(KEY, id);
    ctx.response().headers().add(HEADER, io.vertx.core.http.HttpHeaders.createOptimized(id));
    return id;
  }

  static String of(RoutingContext ctx) {
    String id = ctx.get(KEY);
    return id == null ? "-" : id;
  }
}
