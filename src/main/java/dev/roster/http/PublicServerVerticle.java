package dev.roster.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
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
  private final Duration requestTimeout;
  private HttpServer server;
  private FreshHits hits;

  public PublicServerVerticle(
      HttpServerOptions options,
      Function<io.vertx.core.Vertx, ? extends Handler<HttpServerRequest>> routes,
      long graceMillis,
      Duration requestTimeout) {
    this.options = options;
    this.routes = routes;
    this.shutdownGraceMillis = graceMillis;
    this.requestTimeout = requestTimeout;
  }

  @Override
  public Future<?> start() {
    server = vertx.createHttpServer(RequestGuards.configure(new HttpServerOptions(options)));
    Handler<HttpServerRequest> handler = routes.apply(vertx);
    hits = handler instanceof PublicRequestHandler p ? p.freshHits() : null;
    RequestGuards.install(server, requestTimeout, hits);
    server.requestHandler(handler);
    return server.listen();
  }

  /** Stops accepting and lets requests in flight finish within the grace period. */
  @Override
  public Future<?> stop() {
    if (hits != null) {
      // Every request from now on is Vert.x's, which answers it as a draining server does.
      hits.stop();
    }
    return server.shutdown(shutdownGraceMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /** The bound port, once started. */
  public int actualPort() {
    return server.actualPort();
  }
}
