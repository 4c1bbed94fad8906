package dev.roster.upstream.testing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * A recording fake upstream on a loopback port chosen by the OS (in the manner of Armeria's
 * MockWebServerExtension): routes are programmed per method and path pattern, every request is
 * recorded in arrival order, and an unmatched request gets a 404.
 */
public final class FakeUpstream {
  /** Answers one recorded request; a future lets a test hold the answer back. */
  @FunctionalInterface
  public interface Responder {
    Future<FakeResponse> respond(RecordedRequest request);
  }

  private record Route(HttpMethod method, Pattern path, Responder responder) {}

  private final List<Route> routes = new CopyOnWriteArrayList<>();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private HttpServer server;

  private FakeUpstream() {}

  /** Starts a fake on port 0. */
  public static Future<FakeUpstream> start(Vertx vertx) {
    FakeUpstream fake = new FakeUpstream();
    return vertx
        .createHttpServer()
        .requestHandler(fake::handle)
        .listen(0, "127.0.0.1")
        .map(
            server -> {
              fake.server = server;
              return fake;
            });
  }

  /** The origin to use as {@code baseUrl}, e.g. {@code http://127.0.0.1:41234}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  /** Programs a route; later routes win over earlier ones for the same request. */
  public FakeUpstream on(HttpMethod method, String pathRegex, Responder responder) {
    routes.add(0, new Route(method, Pattern.compile(pathRegex), responder));
    return this;
  }

  /** Programs a route that always gives the same answer. */
  public FakeUpstream on(HttpMethod method, String pathRegex, FakeResponse response) {
    return on(method, pathRegex, request -> Future.succeededFuture(response));
  }

  /** Every request received so far, in arrival order. */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** The requests whose path matches {@code pathRegex}, in arrival order. */
  public List<RecordedRequest> requests(String pathRegex) {
    Pattern pattern = Pattern.compile(pathRegex);
    return requests.stream().filter(r -> pattern.matcher(r.path()).matches()).toList();
  }

  public Future<Void> close() {
    return server == null ? Future.succeededFuture() : server.close();
  }

  private void handle(HttpServerRequest request) {
    request
        .body()
        .onSuccess(
            body -> {
              RecordedRequest recorded =
                  new RecordedRequest(
                      request.method(),
                      request.path(),
                      request.query(),
                      request.params(),
                      request.headers(),
                      body);
              requests.add(recorded);
              respond(request, recorded);
            });
  }

  private void respond(HttpServerRequest request, RecordedRequest recorded) {
    Route route =
        routes.stream()
            .filter(r -> r.method().equals(recorded.method()))
            .filter(r -> r.path().matcher(recorded.path()).matches())
            .findFirst()
            .orElse(null);
    Future<FakeResponse> answer =
        route == null
            ? Future.succeededFuture(
                FakeResponse.json(404, new JsonObject().put("message", "no route")))
            : route.responder().respond(recorded);
    answer.onComplete(
        (response, failure) -> {
          if (failure != null) {
            request.connection().close();
            return;
          }
          request.response().setStatusCode(response.status());
          request.response().headers().addAll(response.headers());
          request.response().end(response.body());
        });
  }
}
