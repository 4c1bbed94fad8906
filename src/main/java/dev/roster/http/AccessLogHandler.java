package dev.roster.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * The first handler of a router (the public port's routes other than the two user routes, and
 * the admin port's purges): gives the request its id and its {@link AccessRecord}, which writes
 * the access-log line (SPEC §7) and the request metrics as the response head goes out.
 */
final class AccessLogHandler implements Handler<RoutingContext> {
  private static final String KEY = "roster.access";

  private final AccessLog log;

  AccessLogHandler(AccessLog log) {
    this.log = log;
  }

  @Override
  public void handle(RoutingContext ctx) {
    AccessRecord record = new AccessRecord(ctx.request(), log);
    ctx.put(KEY, record);
    ctx.addHeadersEndHandler(record);
    ctx.next();
  }

  /** The record of a request that went through this handler, or null. */
  static AccessRecord record(RoutingContext ctx) {
    return ctx.get(KEY);
  }

  /** Names the route of the request in its log line. */
  static void route(RoutingContext ctx, String route) {
    AccessRecord record = record(ctx);
    if (record != null) {
      record.route = route;
    }
  }
}
