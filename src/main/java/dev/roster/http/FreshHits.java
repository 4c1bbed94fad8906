package dev.roster.http;

import dev.roster.auth.Caller;
import dev.roster.encoding.Representation;
import dev.roster.encoding.Representations;
import dev.roster.lookup.Answer;
import dev.roster.model.UserIds;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.vertx.core.net.SocketAddress;
import java.util.Map;

/**
 * Decides whether a request on one of the two user routes is a fresh cache hit that can be
 * answered at once, and answers it: the same checks, answer and headers as the regular path
 * ({@link UsersRoute}), without Vert.x's request and response objects. It takes only what needs
 * no decision of the regular path's: a plain HTTP/1.1 {@code GET} or {@code HEAD} without a body,
 * a path that needs no decoding, a token verified before, everything the answer needs fresh in
 * the cache and visible to the caller, the chosen representation made. Anything else (a miss, a
 * stale entry, an error to answer, a rate-limited app, a draining server, tracing on) returns
 * null and goes the regular way, which decides it as before: this class never answers an error.
 *
 * <p>Threading: {@link #answer} runs on the connection's event loop; one instance serves all the
 * connections of one public server.
 */
final class FreshHits {
  private static final String USERS_SEGMENT = "/v1/users";

  private final AppResolver apps;
  private final Map<String, CorsPolicy> cors;
  private final AccessLog log;
  private final Runnable answered;
  private final boolean enabled;
  private volatile boolean stopped;

  /**
   * @param answered counts one request answered here
   * @param enabled false when every request must be seen by Vert.x (tracing on)
   */
  FreshHits(
      AppResolver apps,
      Map<String, CorsPolicy> cors,
      AccessLog log,
      Runnable answered,
      boolean enabled) {
    this.apps = apps;
    this.cors = Map.copyOf(cors);
    this.log = log;
    this.answered = answered;
    this.enabled = enabled;
  }

  /** From now on every request goes the regular way (the server is draining). */
  void stop() {
    stopped = true;
  }

  /**
   * The response to {@code request} when it is a fresh hit, its access-log line and metrics
   * recorded; null (nothing recorded) when it must go the regular way.
   *
   * @param memo what the connection's earlier requests left (its peer, app, token)
   */
  FullHttpResponse answer(HttpRequest request, ConnectionMemo memo) {
    if (!enabled || stopped || request.protocolVersion() != HttpVersion.HTTP_1_1) {
      return null;
    }
    HttpMethod method = request.method();
    boolean head = HttpMethod.HEAD.equals(method);
    if (!head && !HttpMethod.GET.equals(method)) {
      return null;
    }
    HttpHeaders headers = request.headers();
    if (!plainFraming(headers)) {
      return null;
    }
    String uri = request.uri();
    int queryAt = uri.indexOf('?');
    String path = queryAt < 0 ? uri : uri.substring(0, queryAt);
    if (!path.startsWith("/")
        || path.indexOf('%') >= 0
        || path.indexOf('#') >= 0
        || path.contains("/.")
        || !UsersRoute.matches(path)) {
      return null;
    }
    int appEnd = path.indexOf('/', 1);
    int rest = appEnd + USERS_SEGMENT.length();
    boolean list = rest == path.length();
    AppRuntime app = memo.sameApp(path, appEnd);
    if (app == null) {
      app = apps.find(path.substring(1, appEnd));
      memo.app = app;
    }
    // A rate-limited app's requests take the regular path: its refusals are decided there.
    if (app == null || app.rateLimiter() != null) {
      return null;
    }
    long started = System.nanoTime();
    Caller caller =
        app.verifier().cached(headers.get(HttpHeaderNames.AUTHORIZATION), memo.token);
    if (caller == null) {
      return null;
    }
    Answer answer;
    if (list) {
      String query = queryAt < 0 ? null : uri.substring(queryAt + 1);
      MembersHandler.Query paging =
          query == null ? MembersHandler.Query.ALL : MembersHandler.Query.paging(query);
      if (paging == null || (query != null && query.indexOf('#') >= 0)) {
        return null;
      }
      answer = app.directory().freshMembers(caller, paging.offset(), paging.limit());
    } else {
      String id = path.substring(rest + 1);
      if (queryAt >= 0 || !UserIds.isValid(id)) {
        return null;
      }
      answer = app.directory().freshUser(caller, id);
    }
    if (answer == null) {
      return null;
    }
    Representation form = representation(answer, headers.get(HttpHeaderNames.ACCEPT_ENCODING));
    if (form == null) {
      return null;
    }
    String origin = headers.get(HttpHeaderNames.ORIGIN);
    CorsPolicy policy = cors.isEmpty() ? null : cors.get(app.name());
    boolean withCors = policy != null && origin != null && !origin.isEmpty();
    String allowOrigin = withCors ? policy.allowOrigin(origin) : null;
    if (allowOrigin != null && !visibleAscii(allowOrigin)) {
      // Echoed as it came: anything but plain visible ASCII is the regular path's to refuse.
      return null;
    }
    boolean notModified =
        ResponseHeaders.notModified(headers.get(HttpHeaderNames.IF_NONE_MATCH), form.etag());
    CharSequence requestId = RequestIds.keepOrMake(headers.get(RequestIds.HEADER));
    FullHttpResponse response =
        HitHead.response(
            requestId, answer, form, notModified, !head, list, withCors, allowOrigin);
    record(requestId, started, app.name(), list, head, notModified, headers, memo.peer);
    answered.run();
    return response;
  }

  /**
   * No body, no upgrade, no expectation, and a connection kept alive by default: what the
   * regular path would answer with no header of its own about the connection.
   */
  private static boolean plainFraming(HttpHeaders headers) {
    String connection = headers.get(HttpHeaderNames.CONNECTION);
    if (connection != null && !connection.equalsIgnoreCase("keep-alive")) {
      return false;
    }
    String length = headers.get(HttpHeaderNames.CONTENT_LENGTH);
    return (length == null || length.equals("0"))
        && !headers.contains(HttpHeaderNames.TRANSFER_ENCODING)
        && !headers.contains(HttpHeaderNames.UPGRADE)
        && !headers.contains(HttpHeaderNames.EXPECT);
  }

  /** The representation {@code Accept-Encoding} chooses, if made or made now (see AnswerWriter). */
  private static Representation representation(Answer answer, String acceptEncoding) {
    Representations forms = answer.body().representations();
    return AnswerWriter.readyOrSmall(forms, AnswerWriter.coding(forms, acceptEncoding));
  }

  private static boolean visibleAscii(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  private void record(
      CharSequence requestId,
      long started,
      String app,
      boolean list,
      boolean head,
      boolean notModified,
      HttpHeaders headers,
      SocketAddress peer) {
    AccessRecord record = new AccessRecord(requestId, started);
    record.app = app;
    record.route = list ? "users" : "user";
    record.outcome = dev.roster.cache.CacheOutcome.HIT;
    record.method = head ? io.vertx.core.http.HttpMethod.HEAD : io.vertx.core.http.HttpMethod.GET;
    record.status = notModified ? 304 : 200;
    record.nanos = System.nanoTime() - started;
    record.millis = System.currentTimeMillis();
    record.traceparent = headers.get(TraceParent.HEADER);
    record.peer = peer;
    log.record(record, log.forwardedFor(headers));
  }
}
