package dev.roster.config;

import dev.roster.model.Provider;
import java.time.Duration;

/**
 * One upstream of one app ({@code apps.<name>.upstreams.clerk|lexful}). The shared keys are
 * always set; the credentials depend on the provider: Clerk has {@code secretKey}; Lexful has
 * {@code accountId} and either {@code token} or {@code apiKeyId} + {@code apiKeySecret} (the
 * others null).
 *
 * @param baseUrl the origin without a trailing slash; Roster appends {@code /v1/...}
 * @param batchWindow while a batched single-user call is in flight, the next batch gathers for
 *     20 of these (a batch opened with nothing in flight goes when its event-loop turn ends);
 *     Clerk only; zero: no batching
 */
public record UpstreamOptions(
    Provider provider,
    String baseUrl,
    Duration timeout,
    int maxConcurrent,
    int requestsPerSecond,
    CircuitBreakerOptions circuitBreaker,
    String secretKey,
    String accountId,
    String token,
    String apiKeyId,
    String apiKeySecret,
    Duration batchWindow) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
  public static final int DEFAULT_MAX_CONCURRENT = 64;
  /** 90% of Clerk's production limit of 1000 requests per 10 s. */
  public static final int DEFAULT_REQUESTS_PER_SECOND = 90;
  /**
   * The default with a development key ({@code sk_test_}): Clerk allows such an instance 100
   * requests per 10 s, and a bucket of 9 refilled at 9 per second admits at most 99 in 10 s.
   */
  public static final int DEVELOPMENT_REQUESTS_PER_SECOND = 9;
  public static final String CLERK_API_VERSION = "2026-05-12";
  /** A storm's batches gather for 20 ms while one is in flight (docs/benchmarks.md, Batching). */
  public static final Duration DEFAULT_BATCH_WINDOW = Duration.ofMillis(1);

  /** The options with the default batch window: {@link #DEFAULT_BATCH_WINDOW} for Clerk. */
  public UpstreamOptions(
      Provider provider,
      String baseUrl,
      Duration timeout,
      int maxConcurrent,
      int requestsPerSecond,
      CircuitBreakerOptions circuitBreaker,
      String secretKey,
      String accountId,
      String token,
      String apiKeyId,
      String apiKeySecret) {
    this(provider, baseUrl, timeout, maxConcurrent, requestsPerSecond, circuitBreaker, secretKey,
        accountId, token, apiKeyId, apiKeySecret,
        provider == Provider.CLERK ? DEFAULT_BATCH_WINDOW : Duration.ZERO);
  }

  /** These options with another batch window (zero turns batching off). */
  public UpstreamOptions withBatchWindow(Duration window) {
    return new UpstreamOptions(provider, baseUrl, timeout, maxConcurrent, requestsPerSecond,
        circuitBreaker, secretKey, accountId, token, apiKeyId, apiKeySecret, window);
  }
}
