package dev.roster.http;

import dev.roster.auth.Caller;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/** Finds the app a public request names and authenticates its caller. */
final class AppResolver {
  static final String APP_KEY = "roster.app";

  private final Map<String, AppRuntime> apps;

  AppResolver(Map<String, AppRuntime> apps) {
    this.apps = Map.copyOf(apps);
  }

  /** The app named by the path's {@code :app} parameter, or null after answering 404. */
  AppRuntime resolve(RoutingContext ctx) {
    return resolve(ctx, ctx.pathParam("app"));
  }

  /** The app named {@code name}, or null after answering 404. */
  AppRuntime resolve(RoutingContext ctx, String name) {
    AppRuntime app = name == null ? null : apps.get(name);
    if (app == null) {
      ErrorWriter.write(ctx.response(), ApiError.notFound("No such app or route."));
      return null;
    }
    ctx.put(APP_KEY, app.name());
    return app;
  }

  /** Verifies the bearer token against the app's key source, then the caller's rate. */
  Future<Caller> authenticate(RoutingContext ctx, AppRuntime app) {
    return app.verifier()
        .verify(ctx.request().getHeader(HttpHeaders.AUTHORIZATION))
        .compose(caller -> withinRate(app, caller));
  }

  private static Future<Caller> withinRate(AppRuntime app, Caller caller) {
    if (app.rateLimiter() == null) {
      return Future.succeededFuture(caller);
    }
    long waitSeconds = app.rateLimiter().tryAcquire(caller.subject());
    if (waitSeconds == 0) {
      return Future.succeededFuture(caller);
    }
    return Future.failedFuture(
        new ApiError(
            429, "RATE_LIMITED", "Too many requests from this caller; retry later.", waitSeconds));
  }
}
