package dev.roster.http;

import io.netty.channel.ChannelPipeline;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.impl.ConnectionBase;
import java.time.Duration;

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
  private RequestGuards() {}

  /** Disables cleartext HTTP/2 on the options (prior knowledge and {@code Upgrade: h2c}). */
  public static HttpServerOptions configure(HttpServerOptions options) {
    return options.setHttp2ClearTextEnabled(false);
  }

  /**
   * Guards every connection {@code server} accepts and answers undecodable or refused requests
   * in the error envelope. Call before {@code listen}.
   */
  public static HttpServer install(HttpServer server, Duration requestTimeout) {
    long timeoutMillis = Math.max(1, requestTimeout.toMillis());
    server.invalidRequestHandler(RouterErrors.invalidRequestHandler());
    server.connectionHandler(connection -> guard(connection, timeoutMillis));
    return server;
  }

  private static void guard(HttpConnection connection, long timeoutMillis) {
    if (!(connection instanceof ConnectionBase base)) {
      return;
    }
    ChannelPipeline pipeline = base.channel().pipeline();
    if (pipeline.get("httpDecoder") == null || pipeline.get("handler") == null) {
      return;
    }
    RequestGuardHandler guard = new RequestGuardHandler(timeoutMillis);
    pipeline.addBefore("handler", "rosterRequestGuard", guard);
    pipeline.addBefore(
        "httpDecoder",
        "rosterRequestArrival",
        new RequestArrivalHandler(guard, pipeline.context(guard)));
  }
}
