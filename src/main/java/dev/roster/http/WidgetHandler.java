package dev.roster.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.CompletableFuture;

/**
 * Serves the {@code <roster-members>} custom element at {@code GET|HEAD
 * /{app}/widget/roster-members.js} (docs/widget.md). The script is the same for every app; the
 * app in its path is where the element sends its list requests by default, so an unknown app is
 * a 404 like any other route of it.
 *
 * <p>Caching is a CDN's for a public static file: {@code Cache-Control: public, max-age=86400}
 * with a strong {@code ETag} of the bytes, so browsers keep it a day and then revalidate with
 * {@code If-None-Match} (304). {@code Access-Control-Allow-Origin: *} and {@code
 * Cross-Origin-Resource-Policy: cross-origin} let pages load it as a module, with Subresource
 * Integrity, or under COEP; the script carries no credentials and no data.
 */
final class WidgetHandler implements Handler<RoutingContext> {
  static final String PATH = "/:app/widget/roster-members.js";
  static final String RESOURCE = "/dev/roster/widget/roster-members.js";
  static final String CACHE_CONTROL = "public, max-age=86400";
  private static final CompletableFuture<StaticAsset> SCRIPT =
      StaticAsset.loadInBackground(RESOURCE, "text/javascript; charset=utf-8");

  private final AppResolver resolver;

  WidgetHandler(AppResolver resolver) {
    this.resolver = resolver;
  }

  @Override
  public void handle(RoutingContext ctx) {
    AccessLogHandler.route(ctx, "widget");
    HttpMethod method = ctx.request().method();
    if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
      ctx.response().putHeader(HttpHeaders.ALLOW, "GET, HEAD");
      ErrorWriter.write(
          ctx.response(),
          new ApiError(405, "METHOD_NOT_ALLOWED", "This method is not allowed on this route."));
      return;
    }
    if (resolver.resolve(ctx) == null) {
      return;
    }
    ctx.response()
        .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
        .putHeader("Cross-Origin-Resource-Policy", "cross-origin");
    AssetWriter.write(ctx, SCRIPT, CACHE_CONTROL);
  }
}
