package dev.roster.http;

import dev.roster.config.AddressRange;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

/** The admin port's route table: metrics, health, cache purges (SPEC §1). */
public final class AdminRoutes {
  private AdminRoutes() {}

  /**
   * @param adminToken the bearer token the purge routes require; null refuses every purge
   */
  public static Router create(
      Vertx vertx,
      Map<String, AppRuntime> apps,
      PrometheusMeterRegistry registry,
      Readiness readiness,
      String adminToken) {
    return create(vertx, apps, registry, readiness, adminToken, null, List.of());
  }

  /**
   * @param accessLog where purges are logged (one access-log line each, route {@code
   *     purge_user}, {@code purge_org} or {@code purge_app}); null logs none. Metrics scrapes and
   *     health probes are not logged: they would drown the lines that matter.
   */
  public static Router create(
      Vertx vertx,
      Map<String, AppRuntime> apps,
      PrometheusMeterRegistry registry,
      Readiness readiness,
      String adminToken,
      AccessLogWriter accessLog,
      List<AddressRange> trustedProxies) {
    Router router = Router.router(vertx);
    if (accessLog != null) {
      router
          .route("/cache/*")
          .handler(new AccessLogHandler(
              new AccessLog(accessLog, null, new ClientAddress(trustedProxies))));
    }
    router
        .get("/metrics")
        .handler(
            ctx ->
                ctx.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")
                    .end(registry.scrape()));
    router.get("/health/live").handler(ctx -> health(ctx, null));
    router.get("/health/ready").handler(ctx -> health(ctx, readiness.notReadyReason()));
    router
        .delete("/cache/:app/users/:id")
        .handler(
            ctx -> {
              AccessLogHandler.route(ctx, "purge_user");
              purge(ctx, apps, adminToken, app -> app.directory().evictUser(ctx.pathParam("id")));
            });
    router
        .delete("/cache/:app/orgs/:orgId")
        .handler(
            ctx -> {
              AccessLogHandler.route(ctx, "purge_org");
              purge(
                  ctx, apps, adminToken,
                  app -> app.directory().membersChanged(ctx.pathParam("orgId")));
            });
    router
        .delete("/cache/:app")
        .handler(
            ctx -> {
              AccessLogHandler.route(ctx, "purge_app");
              purge(ctx, apps, adminToken, app -> app.directory().clear());
            });
    RouterErrors.install(router, path -> path.startsWith("/cache/") ? "DELETE" : "GET");
    return router;
  }

  private static void health(RoutingContext ctx, String notReady) {
    JsonObject body =
        notReady == null
            ? new JsonObject().put("status", "ok")
            : new JsonObject().put("status", "unavailable").put("reason", notReady);
    ctx.response()
        .setStatusCode(notReady == null ? 200 : 503)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .end(body.toBuffer());
  }

  private static void purge(
      RoutingContext ctx,
      Map<String, AppRuntime> apps,
      String adminToken,
      java.util.function.Consumer<AppRuntime> action) {
    if (!authorized(ctx.request().getHeader(HttpHeaders.AUTHORIZATION), adminToken)) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer");
      ErrorWriter.write(
          ctx.response(), new ApiError(401, "UNAUTHORIZED", "A valid admin token is required."));
      return;
    }
    AppRuntime app = apps.get(ctx.pathParam("app"));
    if (app == null) {
      ErrorWriter.write(ctx.response(), ApiError.notFound("No such app."));
      return;
    }
    AccessRecord record = AccessLogHandler.record(ctx);
    if (record != null) {
      record.app = app.name();
    }
    action.accept(app);
    ctx.response().setStatusCode(204).end();
  }

  private static boolean authorized(String header, String adminToken) {
    if (adminToken == null || header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    byte[] given = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, adminToken.getBytes(StandardCharsets.UTF_8));
  }
}
