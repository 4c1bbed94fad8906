package dev.roster.http;

import dev.roster.cache.CacheOutcome;
import dev.roster.metrics.RequestMetrics;
import dev.roster.metrics.RequestScope;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;

/**
 * The first handler of the public router: gives the request its id, and as the response head is
 * written, writes one JSON access-log line (SPEC §7) and the request metrics. The line holds no
 * token, secret, email or metadata: only ids Roster assigned, the app and route names from the
 * configuration, status, latency, cache status and upstream calls.
 */
final class AccessLogHandler implements Handler<RoutingContext> {
  static final String ROUTE_KEY = "roster.route";

  private final AccessLogWriter writer;
  private final RequestMetrics metrics;

  AccessLogHandler(AccessLogWriter writer, RequestMetrics metrics) {
    this.writer = writer;
    this.metrics = metrics;
  }

  @Override
  public void handle(RoutingContext ctx) {
    long started = System.nanoTime();
    String requestId = RequestIds.assign(ctx);
    RequestScope.begin();
    // Logged as the response head goes out: every value is known by then, and the line is
    // written before the client can see the answer.
    ctx.addHeadersEndHandler(
        ignored -> {
          long nanos = System.nanoTime() - started;
          int status = ctx.response().getStatusCode();
          String app = ctx.get(AppResolver.APP_KEY, "unknown");
          String route = ctx.get(ROUTE_KEY, "other");
          CacheOutcome outcome = ctx.get(AnswerWriter.CACHE_STATUS_KEY);
          metrics.record(app, route, status, nanos);
          writer.write(
              new JsonObject()
                  .put("time", Instant.now().toString())
                  .put("requestId", requestId)
                  .put("app", app)
                  .put("route", route)
                  .put("method", ctx.request().method().name())
                  .put("status", status)
                  .put("latencyMs", nanos / 1_000_000.0)
                  .put("cache", outcome == null ? "none" : outcome.name().toLowerCase())
                  .put("upstreamCalls", RequestScope.upstreamCalls())
                  .encode());
        });
    ctx.next();
  }
}
