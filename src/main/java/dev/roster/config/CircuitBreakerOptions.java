package dev.roster.config;

import java.time.Duration;

/** Opens after {@code failureThreshold} consecutive failures and stays open {@code openFor}. */
public record CircuitBreakerOptions(int failureThreshold, Duration openFor) {
  public static final int DEFAULT_FAILURE_THRESHOLD = 5;
  public static final Duration DEFAULT_OPEN_FOR = Duration.ofSeconds(10);
  public static final CircuitBreakerOptions DEFAULTS =
      new CircuitBreakerOptions(DEFAULT_FAILURE_THRESHOLD, DEFAULT_OPEN_FOR);
}
