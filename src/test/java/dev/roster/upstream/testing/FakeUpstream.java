package dev.roster.upstream.testing;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The one recording fake upstream of the tests, on a loopback port chosen by the OS (in the
 * manner of Armeria's MockWebServerExtension). Every request is recorded in arrival order (and
 * counted, with how many were open at once). It is answered either by a script of raw
 * behaviours ({@link #answer}: each request the next one, the last repeating; for transport
 * pathologies such as a hang, a drip or a reset) or, without a script, by routes programmed per
 * method and path pattern ({@link #on}); an unmatched request gets a 404.
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
  private final List<Handler<HttpServerRequest>> script = new CopyOnWriteArrayList<>();
  private final List<String> uris = new CopyOnWriteArrayList<>();
  private final AtomicInteger received = new AtomicInteger();
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger maxOpen = new AtomicInteger();
  private final Vertx vertx;
  private volatile int scriptStart;
  private volatile Promise<Void> connectionClosed = Promise.promise();
  private HttpServer server;

  private FakeUpstream(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Starts a fake on port 0. */
  public static Future<FakeUpstream> start(Vertx vertx) {
    FakeUpstream fake = new FakeUpstream(vertx);
    return vertx
        .createHttpServer()
        .requestHandler(fake::handle)
        .connectionHandler(
            connection -> connection.closeHandler(v -> fake.connectionClosed.tryComplete()))
        .listen(0, "127.0.0.1")
        .map(
            server -> {
              fake.server = server;
              return fake;
            });
  }

  /**
   * Answers the following requests with these raw behaviours in turn, the last one repeating,
   * whatever their path (programmed routes are not consulted while a script is set).
   */
  @SafeVarargs
  public final FakeUpstream answer(Handler<HttpServerRequest>... behaviours) {
    script.clear();
    script.addAll(List.of(behaviours));
    scriptStart = received.get();
    return this;
  }

  /** How many requests have arrived (counted as their head arrives). */
  public int received() {
    return received.get();
  }

  /** The path and query of every request, in arrival order. */
  public List<String> paths() {
    return List.copyOf(uris);
  }

  /** The most requests that were open (unanswered) at once. */
  public int maxOpen() {
    return maxOpen.get();
  }

  /** Completes when a client connection to the fake closes (a reset by the client). */
  public Future<Void> nextConnectionClose() {
    connectionClosed = Promise.promise();
    return connectionClosed.future();
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
    int number = received.incrementAndGet();
    uris.add(request.uri());
    maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
    AtomicBoolean finished = new AtomicBoolean();
    Handler<Void> leave =
        v -> {
          if (finished.compareAndSet(false, true)) {
            open.decrementAndGet();
          }
        };
    request.response().closeHandler(leave);
    request.response().endHandler(leave);
    if (!script.isEmpty()) {
      int index = Math.min(number - 1 - scriptStart, script.size() - 1);
      record(request, Buffer.buffer());
      script.get(index).handle(request);
      return;
    }
    request
        .body()
        .onSuccess(
            body -> respond(request, record(request, body)));
  }

  private RecordedRequest record(HttpServerRequest request, Buffer body) {
    RecordedRequest recorded =
        new RecordedRequest(
            request.method(),
            request.path(),
            request.query(),
            request.params(),
            request.headers(),
            body);
    requests.add(recorded);
    return recorded;
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

  // Raw behaviours for {@link #answer}

  /** A status and a text body. */
  public static Handler<HttpServerRequest> status(int status, String body) {
    return request -> request.response().setStatusCode(status).end(body);
  }

  /** A 200 with a JSON body. */
  public static Handler<HttpServerRequest> json(String body) {
    return request -> request.response().putHeader("content-type", "application/json").end(body);
  }

  /** A status with one header and no body. */
  public static Handler<HttpServerRequest> withHeader(int status, String name, String value) {
    return request -> request.response().setStatusCode(status).putHeader(name, value).end();
  }

  /** {@code then}, after {@code millis}. */
  public Handler<HttpServerRequest> delayed(long millis, Handler<HttpServerRequest> then) {
    return request -> vertx.setTimer(millis, id -> then.handle(request));
  }

  /** Never answers. */
  public static Handler<HttpServerRequest> hang() {
    return request -> {};
  }

  /** Closes the connection without answering. */
  public static Handler<HttpServerRequest> closeConnection() {
    return request -> request.connection().close();
  }

  /** Sends the head and part of the body, then closes the connection. */
  public static Handler<HttpServerRequest> closeMidBody() {
    return request -> {
      request.response().setChunked(true).write("{\"id\":");
      request.connection().close();
    };
  }

  /** Sends one byte every {@code millis}, forever, so no idle timeout ever fires. */
  public Handler<HttpServerRequest> drip(long millis) {
    return request -> {
      request.response().setChunked(true).putHeader("content-type", "application/json");
      vertx.setPeriodic(
          millis,
          id ->
              request
                  .response()
                  .write(Buffer.buffer(" "))
                  .onFailure(closed -> vertx.cancelTimer(id)));
    };
  }
}
