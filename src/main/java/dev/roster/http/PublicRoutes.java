package dev.roster.http;

import dev.roster.metrics.RequestMetrics;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
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

  /** The server's handler for requests Netty could not decode (414, 431, 400). */
  public static io.vertx.core.Handler<io.vertx.core.http.HttpServerRequest>
      invalidRequestHandler() {
    return RouterErrors.invalidRequestHandler();
  }
}
