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
    AccessRecord record = AccessLogHandler.record(ctx);
    if (record != null) {
      record.app = policies.containsKey(app) ? app : record.app;
    }
    String requestedMethod = request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
    if (request.method() == HttpMethod.OPTIONS && requestedMethod != null) {
      answerPreflight(ctx.request(), policy, origin, requestedMethod);
      return;
    }
    String allowOrigin = policy.allowOrigin(origin);
    ctx.addHeadersEndHandler(ignored -> decorate(ctx.response().headers(), allowOrigin));
    ctx.next();
  }

  private static void answerPreflight(
      HttpServerRequest request, CorsPolicy policy, String origin, String requestedMethod) {
    MultiMap headers = request.response().headers();
    headers.set(HttpHeaders.VARY, PREFLIGHT_VARY);
    String allowOrigin = policy.allowOrigin(origin);
    if (allowOrigin != null && policy.allowsMethod(requestedMethod)) {
      headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, allowOrigin);
      headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOW_METHODS);
      String allowHeaders =
          policy.allowHeaders(request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS));
      if (allowHeaders != null) {
        headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, allowHeaders);
      }
      headers.set(HttpHeaders.ACCESS_CONTROL_MAX_AGE, MAX_AGE);
    }
    request.response().setStatusCode(204).end();
  }

  /**
   * Adds what a non-preflight answer to an origin carries: {@code Vary: Origin}, and when the
   * origin is allowed ({@code allowOrigin} non-null) the allow and expose headers.
   */
  static void decorate(MultiMap headers, String allowOrigin) {
    addVary(headers, "Origin");
    if (allowOrigin != null) {
      headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, allowOrigin);
      headers.set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSE_HEADERS);
    }
  }

  /**
   * CORS for a request on the router-less user routes: answers a preflight (true), or marks
   * {@code record} so its answer gets the CORS headers (false: go on answering).
   */
  static boolean apply(CorsPolicy policy, HttpServerRequest request, AccessRecord record) {
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    if (origin == null || origin.isEmpty() || policy == null) {
      return false;
    }
    String requestedMethod = request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
    if (request.method() == HttpMethod.OPTIONS && requestedMethod != null) {
      answerPreflight(request, policy, origin, requestedMethod);
      return true;
    }
    record.cors(policy.allowOrigin(origin));
    return false;
  }

  /** Adds a token to {@code Vary} without losing what other handlers put there. */
  static void addVary(MultiMap headers, String token) {
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
