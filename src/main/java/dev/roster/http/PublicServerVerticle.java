package dev.roster.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.function.Function;

/**
 * One event loop's share of the public listener. Deployed with one instance per core: Vert.x
 * shares the port between the instances of a deployment (port 0 included) and spreads
 * connections over them.
 */
public final class PublicServerVerticle extends VerticleBase {
  private final HttpServerOptions options;
  private final Function<io.vertx.core.Vertx, ? extends Handler<HttpServerRequest>> routes;
  private final long shutdownGraceMillis;
  private HttpServer server;

  public PublicServerVerticle(
      HttpServerOptions options,
      Function<io.vertx.core.Vertx, ? extends Handler<HttpServerRequest>> routes,
      long graceMillis) {
    this.options = options;
    this.routes = routes;
    this.shutdownGraceMillis = graceMillis;
  }

  @Override
  public Future<?> start() {
    server = vertx.createHttpServer(options);
    server.invalidRequestHandler(RouterErrors.invalidRequestHandler());
    server.requestHandler(routes.apply(vertx));
    return server.listen();
  }

  /** Stops accepting and lets requests in flight finish within the grace period. */
  @Override
  public Future<?> stop() {
    return server.shutdown(shutdownGraceMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /** The bound port, once started. */
  public int actualPort() {
    return server.actualPort();
  }
}
