package dev.roster.http;

import dev.roster.webhook.WebhookOutcome;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /{app}/webhooks/clerk}: hands the raw body (already capped at 1 MiB by the body
 * handler, which answers 413) and the Svix headers to the app's webhook processor.
 */
final class WebhookHandler implements Handler<RoutingContext> {
  static final int BODY_LIMIT = 1024 * 1024;

  private final AppResolver apps;

  WebhookHandler(AppResolver apps) {
    this.apps = apps;
  }

  @Override
  public void handle(RoutingContext ctx) {
    AccessLogHandler.route(ctx, "webhook");
    AppRuntime app = apps.resolve(ctx);
    if (app == null) {
      return;
    }
    if (app.webhooks() == null) {
      ErrorWriter.write(
          ctx.response(), ApiError.notFound("Webhooks are not configured for this app."));
      return;
    }
    HttpServerRequest request = ctx.request();
    WebhookOutcome outcome =
        app.webhooks()
            .process(
                request.getHeader("svix-id"),
                request.getHeader("svix-timestamp"),
                request.getHeader("svix-signature"),
                ctx.body().buffer());
    if (outcome.acknowledged()) {
      ctx.response().setStatusCode(204).end();
      return;
    }
    if (outcome.status() == 401) {
      ctx.response().putHeader("WWW-Authenticate", "Svix");
    }
    ErrorWriter.write(
        ctx.response(), new ApiError(outcome.status(), outcome.code(), outcome.message()));
  }
}
