package dev.roster.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The demo page (docs/widget.md), mounted on the public port only in demo mode: {@code GET
 * /demo/} shows {@code <roster-members>} for a demo member of any demo app; {@code GET
 * /demo/apps} lists the apps; {@code POST /demo/token?app=...} mints a 60-second token from the
 * app's demo issuer, as Clerk's {@code session.getToken()} would. The page embeds no token and no
 * secret, and is served under a strict Content-Security-Policy (no inline script or style,
 * Trusted Types required) to show the widget needs none of those.
 */
public final class DemoRoutes {
  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: "
          + "http://localhost:* http://127.0.0.1:*; connect-src 'self'; base-uri 'none'; "
          + "form-action 'none'; frame-ancestors 'none'; require-trusted-types-for 'script'; "
          + "trusted-types roster-demo";
  private static final CompletableFuture<StaticAsset> PAGE =
      StaticAsset.loadInBackground("/dev/roster/demo/index.html", "text/html; charset=utf-8");
  private static final CompletableFuture<StaticAsset> SCRIPT =
      StaticAsset.loadInBackground("/dev/roster/demo/demo.js", "text/javascript; charset=utf-8");
  private static final CompletableFuture<StaticAsset> STYLE =
      StaticAsset.loadInBackground("/dev/roster/demo/demo.css", "text/css; charset=utf-8");
  private static final String NO_STORE = "no-store";
  private static final String REVALIDATE = "no-cache";

  private DemoRoutes() {}

  /** Adds the demo routes to the public router. */
  public static void install(
      Router router, Map<String, AppRuntime> apps, DemoTokenSource tokens) {
    router.get("/demo/").handler(ctx -> asset(ctx, PAGE));
    // After "/demo/", which it would also match: the page's relative links need the slash.
    router.get("/demo").handler(ctx -> ctx.redirect("/demo/"));
    router.get("/demo/demo.js").handler(ctx -> asset(ctx, SCRIPT));
    router.get("/demo/demo.css").handler(ctx -> asset(ctx, STYLE));
    router.get("/demo/apps").handler(ctx -> json(ctx, appList(apps)));
    router.post("/demo/token").handler(ctx -> token(ctx, tokens));
  }

  private static void asset(RoutingContext ctx, CompletableFuture<StaticAsset> asset) {
    AccessLogHandler.route(ctx, "demo");
    ctx.response()
        .putHeader("Content-Security-Policy", CSP)
        .putHeader("Referrer-Policy", "no-referrer");
    AssetWriter.write(ctx, asset, REVALIDATE);
  }

  private static void token(RoutingContext ctx, DemoTokenSource tokens) {
    AccessLogHandler.route(ctx, "demo");
    String app = ctx.request().getParam("app");
    JsonObject minted =
        app == null ? null : tokens.mint(app, "true".equals(ctx.request().getParam("large")));
    if (minted == null) {
      ErrorWriter.write(ctx.response(), ApiError.notFound("No such demo app."));
      return;
    }
    json(ctx, minted.toBuffer().toString());
  }

  private static String appList(Map<String, AppRuntime> apps) {
    JsonArray list = new JsonArray();
    apps.values()
        .forEach(
            app -> {
              boolean clerk = app.options().clerk() != null;
              boolean lexful = app.options().lexful() != null;
              list.add(
                  new JsonObject()
                      .put("name", app.name())
                      .put("directory", directory(clerk, lexful))
                      .put("largeOrganisation", clerk));
            });
    return list.encode();
  }

  private static String directory(boolean clerk, boolean lexful) {
    return clerk && lexful ? "Clerk + Lexful" : clerk ? "Clerk" : "Lexful";
  }

  private static void json(RoutingContext ctx, String body) {
    AccessLogHandler.route(ctx, "demo");
    ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, ResponseHeaders.JSON)
        .putHeader(HttpHeaders.CACHE_CONTROL, NO_STORE)
        .end(body);
  }
}
