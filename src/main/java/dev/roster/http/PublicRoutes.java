package dev.roster.http;

import dev.roster.metrics.RequestMetrics;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.util.Map;

/** The public port's route table (SPEC §1). */
public final class PublicRoutes {
  private PublicRoutes() {}

  public static Router create(
      Vertx vertx, Map<String, AppRuntime> apps, AccessLogWriter log, RequestMetrics metrics) {
    Router router = Router.router(vertx);
    AppResolver resolver = new AppResolver(apps);
    router.route().handler(new AccessLogHandler(log, metrics));
    router.get("/:app/v1/users/:id").handler(new UserHandler(resolver));
    router.get("/:app/v1/users").handler(new MembersHandler(resolver));
    RouterErrors.install(router);
    return router;
  }
}
