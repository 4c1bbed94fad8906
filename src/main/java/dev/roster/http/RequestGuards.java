package dev.roster.http;

import io.netty.channel.ChannelPipeline;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.impl.ConnectionBase;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Puts the framing and whole-request deadline guard ({@link RequestGuardHandler}) into every
 * HTTP/1 connection of a server. Vert.x has no public hook between Netty's decoder and its own
 * request handling, where a request's head is known before its body is framed; this is the one
 * class that reaches Vert.x's connection internals for it ({@link ConnectionBase#channel()}).
 *
 * <p>Threading: Vert.x calls the connection handler on the connection's event loop as the
 * connection is set up, before any of its bytes are decoded (with h2c disabled, which {@link
 * #configure} does: cleartext HTTP/2 upgrades are a smuggling vector of their own and Roster
 * serves HTTP/1.x only).
 */
public final class RequestGuards {
  private static final System.Logger LOG = System.getLogger(RequestGuards.class.getName());
  private static final AtomicBoolean WARNED = new AtomicBoolean();

  private RequestGuards() {}

  /** Said once: a Vert.x whose internals moved would otherwise lose the guard silently. */
  private static void unguarded() {
    if (WARNED.compareAndSet(false, true)) {
      LOG.log(
          System.Logger.Level.WARNING,
          "HTTP/1 connections are not guarded (request framing, request deadline): "
              + "this Vert.x version's connection internals are not the expected ones");
    }
  }

  /** Disables cleartext HTTP/2 on the options (prior knowledge and {@code Upgrade: h2c}). */
  public static HttpServerOptions configure(HttpServerOptions options) {
    return options.setHttp2ClearTextEnabled(false);
  }

  /**
   * Guards every connection {@code server} accepts and answers undecodable or refused requests
   * in the error envelope. Call before {@code listen}.
   */
  public static HttpServer install(HttpServer server, Duration requestTimeout) {
    return install(server, requestTimeout, null);
  }

  /** As above; {@code hits} (null: none) answers fresh cache hits before Vert.x sees them. */
  static HttpServer install(HttpServer server, Duration requestTimeout, FreshHits hits) {
    long timeoutMillis = Math.max(1, requestTimeout.toMillis());
    server.invalidRequestHandler(RouterErrors.invalidRequestHandler());
    server.connectionHandler(connection -> guard(connection, timeoutMillis, hits));
    return server;
  }

  private static void guard(HttpConnection connection, long timeoutMillis, FreshHits hits) {
    if (!(connection instanceof ConnectionBase base)) {
      unguarded();
      return;
    }
    ChannelPipeline pipeline = base.channel().pipeline();
    if (pipeline.get("httpDecoder") == null || pipeline.get("handler") == null) {
      unguarded();
      return;
    }
    RequestGuardHandler guard = new RequestGuardHandler(timeoutMillis);
    pipeline.addBefore("handler", "rosterRequestGuard", guard);
    if (hits != null) {
      pipeline.addBefore("handler", "rosterFreshHits", new FreshHitLane(hits, guard));
    }
    pipeline.addBefore(
        "httpDecoder",
        "rosterRequestArrival",
        new RequestArrivalHandler(guard, pipeline.context(guard)));
  }
}
