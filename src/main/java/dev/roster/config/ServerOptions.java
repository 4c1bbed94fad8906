package dev.roster.config;

import java.time.Duration;

/** The public listener: {@code server.host}, {@code server.port}, {@code server.shutdownGrace}. */
public record ServerOptions(String host, int port, Duration shutdownGrace) {
  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final int DEFAULT_PORT = 8080;
  public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);
}
