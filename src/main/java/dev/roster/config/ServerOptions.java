package dev.roster.config;

import java.time.Duration;
import java.util.List;

/**
 * The public listener: {@code server.host}, {@code server.port}, {@code server.shutdownGrace},
 * and {@code server.trustedProxies} (the proxies whose {@code X-Forwarded-For} names the client
 * in the access log; none by default).
 */
public record ServerOptions(
    String host, int port, Duration shutdownGrace, List<AddressRange> trustedProxies) {
  public ServerOptions {
    trustedProxies = List.copyOf(trustedProxies);
  }

  public ServerOptions(String host, int port, Duration shutdownGrace) {
    this(host, port, shutdownGrace, List.of());
  }

  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final int DEFAULT_PORT = 8080;
  public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);
}
