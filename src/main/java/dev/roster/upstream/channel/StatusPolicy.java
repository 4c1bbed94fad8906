package dev.roster.upstream.channel;

import dev.roster.upstream.FailureKind;
import dev.roster.upstream.UpstreamFailure;
import dev.roster.upstream.UpstreamResponse;
import io.vertx.core.http.HttpHeaders;

/**
 * Which upstream statuses are failures before any decoder sees them: 429 (with the delay its
 * {@code Retry-After} asks for), 502/503/504 and the other 5xx. Everything else, redirects
 * and 404 included, is the decoder's to judge.
 */
final class StatusPolicy {
  private StatusPolicy() {}

  /** The failure this response is, or {@code null} when the decoder decides. */
  static UpstreamFailure classify(UpstreamResponse response, ChannelName name, long nowMillis) {
    int status = response.status();
    if (status == 429) {
      String header = response.headers().get(HttpHeaders.RETRY_AFTER);
      return name.failure(
          FailureKind.RATE_LIMITED,
          "rate limited by the upstream",
          RetryAfterHeader.parse(header, nowMillis));
    }
    if (status == 502 || status == 503 || status == 504) {
      return name.failure(FailureKind.BAD_GATEWAY, "upstream answered " + status);
    }
    if (status >= 500 && status <= 599) {
      return name.failure(FailureKind.SERVER_ERROR, "upstream answered " + status);
    }
    return null;
  }
}
