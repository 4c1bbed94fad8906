package dev.roster.http;

import java.time.Instant;

/**
 * Formats one access-log line by hand: every value is either a number or from a closed set of
 * safe characters (app names, route names, request ids are validated), so no JSON library is
 * needed on the per-request path. The timestamp text is reused within a millisecond.
 */
final class AccessLogLine {
  private static final ThreadLocal<long[]> LAST_MILLIS = ThreadLocal.withInitial(() -> new long[] {-1});
  private static final ThreadLocal<String[]> LAST_TIME = ThreadLocal.withInitial(() -> new String[1]);

  private AccessLogLine() {}

  static String format(
      String requestId,
      String app,
      String route,
      String method,
      int status,
      long nanos,
      String cache,
      int upstreamCalls) {
    long micros = nanos / 1_000;
    StringBuilder line = new StringBuilder(200);
    line.append("{\"time\":\"").append(now())
        .append("\",\"requestId\":\"").append(requestId)
        .append("\",\"app\":\"").append(app)
        .append("\",\"route\":\"").append(route)
        .append("\",\"method\":\"").append(method)
        .append("\",\"status\":").append(status)
        .append(",\"latencyMs\":").append(micros / 1_000).append('.');
    long fraction = micros % 1_000;
    if (fraction < 100) {
      line.append('0');
    }
    if (fraction < 10) {
      line.append('0');
    }
    line.append(fraction)
        .append(",\"cache\":\"").append(cache)
        .append("\",\"upstreamCalls\":").append(upstreamCalls)
        .append('}');
    return line.toString();
  }

  private static String now() {
    long millis = System.currentTimeMillis();
    long[] last = LAST_MILLIS.get();
    String[] text = LAST_TIME.get();
    if (last[0] != millis) {
      last[0] = millis;
      text[0] = Instant.ofEpochMilli(millis).toString();
    }
    return text[0];
  }
}
