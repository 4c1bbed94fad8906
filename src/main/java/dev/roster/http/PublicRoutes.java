package dev.roster.http;

import dev.roster.metrics.RequestMetrics;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.HashMap;
import java.util.Map;

/** The public port's route table (SPEC §1). */
public final class PublicRoutes {
  private PublicRoutes() {}

  public static Router create(
      Vertx vertx, Map<String, AppRuntime> apps, AccessLogWriter log, RequestMetrics metrics) {
    Router router = Router.router(vertx);
    AppResolver resolver = new AppResolver(apps);
    router.route().handler(new AccessLogHandler(log, metrics));
    if (apps.values().stream().anyMatch(app -> !app.options().cors().allowedOrigins().isEmpty())) {
      // Only when some app allows an origin: otherwise nothing is allowed and the route would
      // only cost a pattern match per request.
      router.route("/:app/v1/*").handler(new CorsHandler(corsPolicies(apps)));
    }
    router
        .route()
        .handler(new UsersRoute(new UserHandler(resolver), new MembersHandler(resolver)));
    router.route(WidgetHandler.PATH).handler(new WidgetHandler(resolver));
    router
        .post("/:app/webhooks/clerk")
        .handler(
            BodyHandler.create(false)
                .setBodyLimit(WebhookHandler.BODY_LIMIT)
                .setHandleFileUploads(false))
        .handler(new WebhookHandler(resolver));
    RouterErrors.install(router);
    return router;
  }

  private static Map<String, CorsPolicy> corsPolicies(Map<String, AppRuntime> apps) {
    Map<String, CorsPolicy> policies = new HashMap<>();
    apps.forEach((name, app) -> policies.put(name, CorsPolicy.of(app.options().cors())));
    return policies;
  }

}
