package dev.roster.http;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * CORS for browser widgets on {@code /:app/v1/*}, mounted before authentication so that a
 * preflight, which browsers send without credentials, is answered here and never reaches the
 * token check.
 *
 * <ul>
 *   <li>No {@code Origin}, or an unknown app: passed on untouched.
 *   <li>Preflight ({@code OPTIONS} with {@code Origin} and {@code Access-Control-Request-Method}):
 *       answered 204 here. From an allowed origin asking for {@code GET}/{@code HEAD} it carries
 *       {@code Access-Control-Allow-Origin}, {@code -Allow-Methods}, {@code -Allow-Headers} (the
 *       requested headers that are allowed) and {@code -Max-Age}. Otherwise it is still 204 but
 *       carries no {@code Access-Control-Allow-*} header, so the browser blocks the real request.
 *       This is what Envoy's CORS filter does with {@code forward_not_matching_preflights: false}
 *       (it answers locally, without {@code Access-Control-Allow-Origin}); a 403 would tell the
 *       browser nothing more, and forwarding would only earn a 401 from the token check.
 *   <li>Any other request from an allowed origin: {@code Access-Control-Allow-Origin}, {@code
 *       Vary: Origin} and {@code Access-Control-Expose-Headers} are added whatever ends the
 *       response (a 200, a 304, a 401, a 429), then the request goes on. From another origin only
 *       {@code Vary: Origin} is added, so shared caches keep the two answers apart.
 * </ul>
 */
public final class CorsHandler implements Handler<RoutingContext> {
  static final String ALLOW_METHODS = "GET, HEAD";
  static final String MAX_AGE = "600";
  static final String EXPOSE_HEADERS =
      "ETag, Cache-Status, X-Total-Count, X-Request-Id, Retry-After";
  static final String PREFLIGHT_VARY =
      "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";

  private final Map<String, CorsPolicy> policies;

  /** @param policies each app's policy, by app name; apps not in the map get no CORS headers */
  public CorsHandler(Map<String, CorsPolicy> policies) {
    this.policies = Map.copyOf(policies);
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    String app = ctx.pathParam("app");
    CorsPolicy policy = app == null ? null : policies.get(app);
    if (origin == null || origin.isEmpty() || policy == null) {
      ctx.next();
      return;
    }
    // A configured app: named in the access log even when the preflight is answered here.
    ctx.put(AppResolver.APP_KEY, app);
    String requestedMethod = request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
    if (request.method() == HttpMethod.OPTIONS && requestedMethod != null) {
      answerPreflight(ctx, policy, origin, requestedMethod);
      return;
    }
    String allowOrigin = policy.allowOrigin(origin);
    ctx.addHeadersEndHandler(
        ignored -> {
          MultiMap headers = ctx.response().headers();
          addVary(headers, "Origin");
          if (allowOrigin != null) {
            headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, allowOrigin);
            headers.set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSE_HEADERS);
          }
        });
    ctx.next();
  }

  private static void answerPreflight(
      RoutingContext ctx, CorsPolicy policy, String origin, String requestedMethod) {
    MultiMap headers = ctx.response().headers();
    headers.set(HttpHeaders.VARY, PREFLIGHT_VARY);
    String allowOrigin = policy.allowOrigin(origin);
    if (allowOrigin != null && policy.allowsMethod(requestedMethod)) {
      headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, allowOrigin);
      headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOW_METHODS);
      String allowHeaders =
          policy.allowHeaders(ctx.request().getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS));
      if (allowHeaders != null) {
        headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, allowHeaders);
      }
      headers.set(HttpHeaders.ACCESS_CONTROL_MAX_AGE, MAX_AGE);
    }
    ctx.response().setStatusCode(204).end();
  }

  /** Adds a token to {@code Vary} without losing what other handlers put there. */
  private static void addVary(MultiMap headers, String token) {
    String vary = headers.get(HttpHeaders.VARY);
    if (vary == null || vary.isBlank()) {
      headers.set(HttpHeaders.VARY, token);
      return;
    }
    for (String present : vary.split(",")) {
      String name = present.strip();
      if (name.equalsIgnoreCase(token) || name.equals("*")) {
        return;
      }
    }
    headers.set(HttpHeaders.VARY, vary + ", " + token);
  }
}
