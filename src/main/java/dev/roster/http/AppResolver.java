package dev.roster.http;

import dev.roster.auth.Caller;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/** Finds the app a public request names and authenticates its caller. */
final class AppResolver {
  private final Map<String, AppRuntime> apps;

  AppResolver(Map<String, AppRuntime> apps) {
    this.apps = Map.copyOf(apps);
  }

  /** The app named by the path's {@code :app} parameter, or null after answering 404. */
  AppRuntime resolve(RoutingContext ctx) {
    AppRuntime app = find(ctx.pathParam("app"));
    if (app == null) {
      ErrorWriter.write(ctx.response(), ApiError.notFound("No such app or route."));
      return null;
    }
    AccessRecord record = AccessLogHandler.record(ctx);
    if (record != null) {
      record.app = app.name();
    }
    return app;
  }

  /** The app named {@code name}, or null after answering 404. */
  AppRuntime resolve(AccessRecord record, String name) {
    AppRuntime app = find(name);
    if (app == null) {
      ErrorWriter.write(record.request.response(), ApiError.notFound("No such app or route."));
      return null;
    }
    record.app = app.name();
    return app;
  }

  /** The app named {@code name}, or null. */
  AppRuntime find(String name) {
    return name == null ? null : apps.get(name);
  }

  /** Verifies the bearer token against the app's key source, then the caller's rate. */
  Future<Caller> authenticate(HttpServerRequest request, AppRuntime app) {
    Future<Caller> verified = app.verifier().verify(request.getHeader(HttpHeaders.AUTHORIZATION));
    if (app.rateLimiter() == null) {
      return verified;
    }
    // A token verified before is answered at once: no composition needed on the hit path.
    return verified.succeeded()
        ? withinRate(app, verified.result())
        : verified.compose(caller -> withinRate(app, caller));
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
