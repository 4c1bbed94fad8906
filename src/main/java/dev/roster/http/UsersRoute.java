package dev.roster.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Dispatches {@code /{app}/v1/users} and {@code /{app}/v1/users/{id}} by reading the normalised
 * path directly: these two routes carry nearly all the traffic, and matching them by hand costs
 * less than the router's pattern matching. Segments are percent-decoded as path parameters are
 * (so {@code %2F} or {@code %0d%0a} in an id reach validation, and a 400); GET and HEAD are
 * answered, other methods get 405; any other path goes on to the router's table.
 */
final class UsersRoute implements io.vertx.core.Handler<RoutingContext> {
  private static final String USERS = "/v1/users";

  private final UserHandler user;
  private final MembersHandler members;

  UsersRoute(UserHandler user, MembersHandler members) {
    this.user = user;
    this.members = members;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    int appEnd = path.indexOf('/', 1);
    if (appEnd <= 1 || !path.startsWith(USERS, appEnd)) {
      ctx.next();
      return;
    }
    int rest = appEnd + USERS.length();
    boolean list = rest == path.length();
    boolean one =
        !list
            && path.charAt(rest) == '/'
            && rest + 1 < path.length()
            && path.indexOf('/', rest + 1) < 0;
    if (!list && !one) {
      ctx.next();
      return;
    }
    HttpMethod method = ctx.request().method();
    if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
      ErrorWriter.write(
          ctx.response(),
          new ApiError(405, "METHOD_NOT_ALLOWED", "This method is not allowed on this route."));
      return;
    }
    String app;
    String id;
    try {
      app = decode(path.substring(1, appEnd));
      id = one ? decode(path.substring(rest + 1)) : null;
    } catch (IllegalArgumentException malformed) {
      ErrorWriter.write(ctx.response(), ApiError.validation("The request path is malformed."));
      return;
    }
    if (one) {
      user.handle(ctx, app, id);
    } else {
      members.handle(ctx, app);
    }
  }

  private static String decode(String segment) {
    return segment.indexOf('%') < 0 && segment.indexOf('+') < 0
        ? segment
        : URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
