package dev.roster.http;

import dev.roster.config.AddressRange;
import dev.roster.encoding.AcceptEncoding;
import dev.roster.metrics.RequestMetrics;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The public port's route table (SPEC §1). */
public final class PublicRoutes {
  private PublicRoutes() {}

  /**
   * The public port's handler: the two user routes answered without the router (anything that
   * must apply to every public request, a deadline or a framing check, belongs in {@link
   * PublicRequestHandler}, not only in the router), everything else through the router.
   */
  public static Handler<HttpServerRequest> handler(
      Vertx vertx,
      Map<String, AppRuntime> apps,
      AccessLogWriter log,
      RequestMetrics metrics,
      List<AddressRange> trustedProxies) {
    return handler(vertx, apps, log, metrics, trustedProxies, null);
  }

  /** As above; in demo mode ({@code demo} not null) with the widget's demo page. */
  public static Handler<HttpServerRequest> handler(
      Vertx vertx,
      Map<String, AppRuntime> apps,
      AccessLogWriter log,
      RequestMetrics metrics,
      List<AddressRange> trustedProxies,
      DemoTokenSource demo) {
    AccessLog access = new AccessLog(log, metrics, new ClientAddress(trustedProxies));
    AppResolver resolver = new AppResolver(apps);
    Map<String, CorsPolicy> cors = corsPolicies(apps);
    UsersRoute users = new UsersRoute(new UserHandler(resolver), new MembersHandler(resolver), cors);
    // With tracing on, every request must be seen by Vert.x, which makes its span.
    boolean untraced = !(vertx instanceof VertxInternal internal) || internal.tracer() == null;
    FreshHits hits = new FreshHits(resolver, cors, access, metrics::freshHit, untraced);
    // The native br and zstd libraries load now, not on the first request asking for them.
    AcceptEncoding.load();
    Router router = router(vertx, apps, resolver, users, access);
    if (demo != null) {
      DemoRoutes.install(router, apps, demo);
    }
    return new PublicRequestHandler(users, router, access, hits);
  }

  /** The router alone, without the router-less user routes (its declared routes, for tests). */
  static Router create(
      Vertx vertx, Map<String, AppRuntime> apps, AccessLogWriter log, RequestMetrics metrics) {
    AccessLog access = new AccessLog(log, metrics, new ClientAddress(List.of()));
    AppResolver resolver = new AppResolver(apps);
    UsersRoute users =
        new UsersRoute(new UserHandler(resolver), new MembersHandler(resolver), corsPolicies(apps));
    return router(vertx, apps, resolver, users, access);
  }

  private static Router router(
      Vertx vertx,
      Map<String, AppRuntime> apps,
      AppResolver resolver,
      UsersRoute users,
      AccessLog access) {
    Router router = Router.router(vertx);
    router.route().handler(new AccessLogHandler(access));
    Map<String, CorsPolicy> cors = corsPolicies(apps);
    if (!cors.isEmpty()) {
      // Only when some app allows an origin: otherwise nothing is allowed and the route would
      // only cost a pattern match per request.
      router.route("/:app/v1/*").handler(new CorsHandler(cors));
    }
    router
        .route()
        .handler(
            ctx -> {
              // Paths that needed normalising: the same dispatch as the router-less path.
              String path = ctx.normalizedPath();
              if (UsersRoute.matches(path)) {
                users.handle(AccessLogHandler.record(ctx), path);
              } else {
                ctx.next();
              }
            });
    router.route(WidgetHandler.PATH).handler(new WidgetHandler(resolver));
    router
        .post("/:app/webhooks/clerk")
        .handler(
            BodyHandler.create(false)
                .setBodyLimit(WebhookHandler.BODY_LIMIT)
                .setHandleFileUploads(false))
        .handler(new WebhookHandler(resolver));
    RouterErrors.install(router, path -> path.endsWith("/webhooks/clerk") ? "POST" : null);
    return router;
  }

  /** Each app's CORS policy, or none at all when no app allows any origin. */
  private static Map<String, CorsPolicy> corsPolicies(Map<String, AppRuntime> apps) {
    Map<String, CorsPolicy> policies = new HashMap<>();
    if (apps.values().stream().anyMatch(app -> !app.options().cors().allowedOrigins().isEmpty())) {
      apps.forEach((name, app) -> policies.put(name, CorsPolicy.of(app.options().cors())));
    }
    return policies;
  }
}
