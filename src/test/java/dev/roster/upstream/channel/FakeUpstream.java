package dev.roster.upstream.channel;

import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A programmable upstream on loopback port 0 that records what it was sent: each request is
 * answered by the next scripted behaviour (the last one repeats), and the fake counts requests,
 * paths, and how many were open at once.
 */
final class FakeUpstream {
  private final Vertx vertx;
  private final HttpServer server;
  private final List<Handler<HttpServerRequest>> script = new CopyOnWriteArrayList<>();
  private final List<String> paths = new CopyOnWriteArrayList<>();
  private final AtomicInteger received = new AtomicInteger();
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger maxOpen = new AtomicInteger();
  private volatile int scriptStart;
  private volatile Promise<Void> connectionClosed = Promise.promise();

  private FakeUpstream(Vertx vertx) {
    this.vertx = vertx;
    this.server = vertx.createHttpServer().requestHandler(this::handle);
    server.connectionHandler(
        connection -> connection.closeHandler(v -> connectionClosed.tryComplete()));
  }

  static FakeUpstream start(Vertx vertx) {
    FakeUpstream fake = new FakeUpstream(vertx);
    fake.server.listen(0, "127.0.0.1").await();
    return fake;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  /** Answers the following requests with these behaviours in turn, the last one repeating. */
  @SafeVarargs
  final FakeUpstream answer(Handler<HttpServerRequest>... behaviours) {
    script.clear();
    script.addAll(List.of(behaviours));
    scriptStart = received.get();
    return this;
  }

  int received() {
    return received.get();
  }

  List<String> paths() {
    return paths;
  }

  int maxOpen() {
    return maxOpen.get();
  }

  /** Completes when a client connection to the fake closes (a reset by the channel). */
  io.vertx.core.Future<Void> nextConnectionClose() {
    connectionClosed = Promise.promise();
    return connectionClosed.future();
  }

  void close() {
    server.close().await();
  }

  private void handle(HttpServerRequest request) {
    int number = received.incrementAndGet();
    paths.add(request.uri());
    maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
    AtomicBoolean finished = new AtomicBoolean();
    Handler<Void> leave = v -> {
      if (finished.compareAndSet(false, true)) {
        open.decrementAndGet();
      }
    };
    request.response().closeHandler(leave);
    request.response().endHandler(leave);
    int index = Math.min(number - 1 - scriptStart, script.size() - 1);
    script.get(index).handle(request);
  }

  // Behaviours

  static Handler<HttpServerRequest> status(int status, String body) {
    return request -> request.response().setStatusCode(status).end(body);
  }

  static Handler<HttpServerRequest> json(String body) {
    return request -> request.response()
        .putHeader("content-type", "application/json")
        .end(body);
  }

  static Handler<HttpServerRequest> withHeader(int status, String name, String value) {
    return request -> request.response().setStatusCode(status).putHeader(name, value).end();
  }

  Handler<HttpServerRequest> delayed(long millis, Handler<HttpServerRequest> then) {
    return request -> vertx.setTimer(millis, id -> then.handle(request));
  }

  static Handler<HttpServerRequest> hang() {
    return request -> {};
  }

  static Handler<HttpServerRequest> closeConnection() {
    return request -> request.connection().close();
  }

  /** Sends the head and part of the body, then closes the connection. */
  static Handler<HttpServerRequest> closeMidBody() {
    return request -> {
      request.response().setChunked(true).write("{\"id\":");
      request.connection().close();
    };
  }

  /** Sends one byte every {@code millis}, forever, so no idle timeout ever fires. */
  Handler<HttpServerRequest> drip(long millis) {
    return request -> {
      request.response().setChunked(true).putHeader("content-type", "application/json");
      vertx.setPeriodic(millis, id -> request.response()
          .write(Buffer.buffer(" "))
          .onFailure(closed -> vertx.cancelTimer(id)));
    };
  }
}
