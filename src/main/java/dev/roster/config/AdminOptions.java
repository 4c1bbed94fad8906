package dev.roster.config;

/**
 * The admin listener. {@code token} may be null: the cache routes then refuse every request,
 * while metrics and health stay open (the port is never exposed publicly).
 */
public record AdminOptions(String host, int port, String token) {
  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final int DEFAULT_PORT = 9090;
}
