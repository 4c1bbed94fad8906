package dev.roster.http;

import dev.roster.metrics.RequestLatency;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Times each public request into {@link RequestLatency}, from here (the router's first handler)
 * to the response head, tagged with the app and route the handlers resolved. Kept apart from the
 * access log so each can change without the other.
 */
final class LatencyHandler implements Handler<RoutingContext> {
  private final RequestLatency latency;

  LatencyHandler(RequestLatency latency) {
    this.latency = latency;
  }

  @Override
  public void handle(RoutingContext ctx) {
    long started = System.nanoTime();
    ctx.addHeadersEndHandler(
        ignored ->
            latency.record(
                ctx.get(AppResolver.APP_KEY),
                ctx.get(AccessLogHandler.ROUTE_KEY),
                System.nanoTime() - started));
    ctx.next();
  }
}
