package dev.roster.config;

import java.time.Duration;
import java.util.List;

/**
 * The public listener: {@code server.host}, {@code server.port}, {@code server.shutdownGrace},
 * {@code server.requestTimeout} (the whole-request deadline: from a request's first byte to its
 * last, headers and body together) and {@code server.trustedProxies} (the proxies whose {@code
 * X-Forwarded-For} names the client in the access log; none by default).
 */
public record ServerOptions(
    String host,
    int port,
    Duration shutdownGrace,
    Duration requestTimeout,
    List<AddressRange> trustedProxies) {
  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final int DEFAULT_PORT = 8080;
  public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

  public ServerOptions {
    trustedProxies = List.copyOf(trustedProxies);
  }

  /** With the default request deadline and no trusted proxy. */
  public ServerOptions(String host, int port, Duration shutdownGrace) {
    this(host, port, shutdownGrace, DEFAULT_REQUEST_TIMEOUT, List.of());
  }
}
