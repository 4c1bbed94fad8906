package dev.roster.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Dispatches {@code /{app}/v1/users} and {@code /{app}/v1/users/{id}} by reading the path
 * directly: these two routes carry nearly all the traffic, and matching them by hand costs less
 * than the router's pattern matching. Segments are percent-decoded as path parameters are (so
 * {@code %2F} or {@code %0d%0a} in an id reach validation, and a 400); GET and HEAD are answered,
 * other methods get 405 with {@code Allow: GET, HEAD} (RFC 9110); a CORS preflight from a
 * widget is answered per the app's policy.
 */
final class UsersRoute {
  static final String ALLOW = "GET, HEAD";
  private static final String USERS = "/v1/users";

  private final UserHandler user;
  private final MembersHandler members;
  private final Map<String, CorsPolicy> cors;

  UsersRoute(UserHandler user, MembersHandler members, Map<String, CorsPolicy> cors) {
    this.user = user;
    this.members = members;
    this.cors = Map.copyOf(cors);
  }

  /** Whether {@code path} is one of the two user routes. */
  static boolean matches(String path) {
    int appEnd = path.indexOf('/', 1);
    if (appEnd <= 1 || !path.startsWith(USERS, appEnd)) {
      return false;
    }
    int rest = appEnd + USERS.length();
    return rest == path.length()
        || (path.charAt(rest) == '/'
            && rest + 1 < path.length()
            && path.indexOf('/', rest + 1) < 0);
  }

  /** Answers a request whose (normalised) {@code path} {@link #matches}. */
  void handle(AccessRecord record, String path) {
    int appEnd = path.indexOf('/', 1);
    int rest = appEnd + USERS.length();
    boolean list = rest == path.length();
    String app;
    String id;
    try {
      app = decode(path.substring(1, appEnd));
      id = list ? null : decode(path.substring(rest + 1));
    } catch (IllegalArgumentException malformed) {
      ErrorWriter.write(
          record.request.response(), ApiError.validation("The request path is malformed."));
      return;
    }
    // Named first: a preflight or a 405 is logged under its route too.
    record.route = list ? "users" : "user";
    // Every answer of these compressible routes varies by Accept-Encoding, errors included.
    record.request.response().headers().add(HttpHeaders.VARY, ResponseHeaders.VARY_ENCODING);
    if (!cors.isEmpty() && CorsHandler.apply(cors.get(app), record.request, record)) {
      return;
    }
    HttpMethod method = record.request.method();
    if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
      record.request.response().headers().set(HttpHeaders.ALLOW, ALLOW);
      ErrorWriter.write(
          record.request.response(),
          new ApiError(405, "METHOD_NOT_ALLOWED", "This method is not allowed on this route."));
      return;
    }
    if (list) {
      members.handle(record, app);
    } else {
      user.handle(record, app, id);
    }
  }

  private static String decode(String segment) {
    return segment.indexOf('%') < 0 && segment.indexOf('+') < 0
        ? segment
        : URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
