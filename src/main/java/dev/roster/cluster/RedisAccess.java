package dev.roster.cluster;

import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;

/**
 * The pooled Redis client for short commands (publishes, L2, locks, the shared budget), each
 * under its own deadline: the client has none, and a paused or black-holed Redis must cost a
 * request at most {@code opTimeout}, never hang it. Thread-safe.
 */
final class RedisAccess {
  private final Redis client;
  private final Duration opTimeout;

  RedisAccess(Redis client, Duration opTimeout) {
    this.client = client;
    this.opTimeout = opTimeout;
  }

  /** Sends one command; fails on error or when no answer came within the deadline. */
  Future<Response> send(Request request) {
    return client.send(request).timeout(opTimeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /** As {@link #send} with a longer deadline, for writes that must not be lost to a blip. */
  Future<Response> send(Request request, Duration timeout) {
    return client.send(request).timeout(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /** Sends commands in one round trip, in order; fails if any did or the deadline passed. */
  Future<java.util.List<Response>> batch(java.util.List<Request> requests, Duration timeout) {
    return client.batch(requests)
        .timeout(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  Duration opTimeout() {
    return opTimeout;
  }

  void close() {
    client.close();
  }
}
