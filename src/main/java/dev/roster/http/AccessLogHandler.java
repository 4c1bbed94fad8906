package dev.roster.http;

import dev.roster.cache.CacheOutcome;
import dev.roster.metrics.RequestMetrics;
import dev.roster.metrics.RequestScope;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * The first handler of the public router: gives the request its id, and as the response head is
 * written, writes one JSON access-log line (SPEC §7) and the request metrics. The line holds no
 * token, secret, email or metadata: only ids Roster assigned, the app and route names from the
 * configuration, status, latency, cache status and upstream calls.
 */
final class AccessLogHandler implements Handler<RoutingContext> {
  static final String ROUTE_KEY = "roster.route";
  private static final String[] CACHE_NAMES = cacheNames();

  private final AccessLogWriter writer;
  private final RequestMetrics metrics;

  AccessLogHandler(AccessLogWriter writer, RequestMetrics metrics) {
    this.writer = writer;
    this.metrics = metrics;
  }

  private static String[] cacheNames() {
    CacheOutcome[] outcomes = CacheOutcome.values();
    String[] names = new String[outcomes.length];
    for (CacheOutcome outcome : outcomes) {
      names[outcome.ordinal()] = outcome.name().toLowerCase(java.util.Locale.ROOT);
    }
    return names;
  }

  @Override
  public void handle(RoutingContext ctx) {
    long started = System.nanoTime();
    String requestId = RequestIds.assign(ctx);
    // Logged as the response head goes out: every value is known by then, and the line is
    // written before the client can see the answer.
    ctx.addHeadersEndHandler(
        ignored -> {
          long nanos = System.nanoTime() - started;
          int status = ctx.response().getStatusCode();
          String app = ctx.get(AppResolver.APP_KEY, "unknown");
          String route = ctx.get(ROUTE_KEY, "other");
          CacheOutcome outcome = ctx.get(AnswerWriter.CACHE_STATUS_KEY);
          metrics.record(app, route, status);
          writer.write(
              AccessLogLine.format(
                  requestId,
                  app,
                  route,
                  ctx.request().method().name(),
                  status,
                  nanos,
                  outcome == null ? "none" : CACHE_NAMES[outcome.ordinal()],
                  RequestScope.upstreamCalls()));
        });
    ctx.next();
  }
}
