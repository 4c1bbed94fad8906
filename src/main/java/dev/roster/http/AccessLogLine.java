package dev.roster.http;

import dev.roster.cache.CacheOutcome;
import java.util.Locale;

/**
 * Formats one access-log line by hand, straight into the writer's batch: every value is either a
 * number or from a closed set of safe characters (app names and route names from the
 * configuration, request ids and trace ids validated, client addresses parsed IP literals), so
 * no JSON library and no intermediate string is needed per request.
 *
 * <p>Fields, in this order and under these names (stable; documented in the README): {@code
 * time}, {@code requestId}, {@code traceId} (null without a valid W3C {@code traceparent}),
 * {@code client}, {@code app}, {@code route}, {@code method}, {@code status}, {@code latencyMs},
 * {@code cache}, {@code upstreamCalls}.
 */
final class AccessLogLine {
  private static final String[] CACHE_NAMES = cacheNames();

  private AccessLogLine() {}

  /** Appends the line of a finished request (its fields taken as its response head went out). */
  static void append(LineBytes line, CharSequence time, AccessRecord record, String client) {
    long micros = record.nanos / 1_000;
    line.append("{\"time\":\"").append(time)
        .append("\",\"requestId\":\"").append(record.requestId).append("\",\"traceId\":");
    TraceParent.appendTraceId(line, record.traceparent);
    line.append(",\"client\":\"").append(client)
        .append("\",\"app\":\"").append(record.app)
        .append("\",\"route\":\"").append(record.route)
        .append("\",\"method\":\"").append(record.method.name())
        .append("\",\"status\":").append(record.status)
        .append(",\"latencyMs\":").append(micros / 1_000).append('.');
    long fraction = micros % 1_000;
    if (fraction < 100) {
      line.append('0');
    }
    if (fraction < 10) {
      line.append('0');
    }
    CacheOutcome outcome = record.outcome;
    line.append(fraction)
        .append(",\"cache\":\"").append(outcome == null ? "none" : CACHE_NAMES[outcome.ordinal()])
        .append("\",\"upstreamCalls\":").append(record.upstreamCalls)
        .append("}\n");
  }

  private static String[] cacheNames() {
    CacheOutcome[] outcomes = CacheOutcome.values();
    String[] names = new String[outcomes.length];
    for (CacheOutcome outcome : outcomes) {
      names[outcome.ordinal()] = outcome.name().toLowerCase(Locale.ROOT);
    }
    return names;
  }
}
