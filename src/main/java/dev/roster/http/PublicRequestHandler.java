package dev.roster.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;

/**
 * The public port's request handler. The two user routes, which carry nearly all the traffic,
 * are answered straight from the request, without Vert.x Web's routing context (its per-request
 * data map, handler list and route matching cost more than the cache hit they would wrap): their
 * access-log record is the response's headers-end handler. Any other request, and a user-route
 * path that needs normalising (a percent sign or a dot segment), goes through the router.
 */
final class PublicRequestHandler implements Handler<HttpServerRequest> {
  private final UsersRoute users;
  private final Router router;
  private final AccessLog log;
  private final FreshHits freshHits;

  PublicRequestHandler(UsersRoute users, Router router, AccessLog log, FreshHits freshHits) {
    this.users = users;
    this.router = router;
    this.log = log;
    this.freshHits = freshHits;
  }

  /** What answers fresh hits before a request reaches this handler (null: nothing). */
  FreshHits freshHits() {
    return freshHits;
  }

  @Override
  public void handle(HttpServerRequest request) {
    String path = request.path();
    if (path != null && plain(path) && UsersRoute.matches(path)) {
      AccessRecord record = new AccessRecord(request, log);
      request.response().headersEndHandler(record);
      users.handle(record, path);
    } else {
      router.handle(request);
    }
  }

  /** Whether the path is already what the router would normalise it to. */
  private static boolean plain(String path) {
    return path.indexOf('%') < 0 && !path.contains("/.");
  }
}
