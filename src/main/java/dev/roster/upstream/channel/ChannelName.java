package dev.roster.upstream.channel;

import dev.roster.upstream.FailureKind;
import dev.roster.upstream.UpstreamFailure;
import java.time.Duration;

/**
 * Who a channel talks to, for failure messages: the app and the upstream, never a URL,
 * header value or body, so every message is safe to log and to put in an error body.
 */
record ChannelName(String app, String upstream) {

  /** A failure of this channel: "upstream clerk of app lance: what (kind)". */
  UpstreamFailure failure(FailureKind kind, String what, Duration retryAfter) {
    String message =
        "upstream " + upstream + " of app " + app + ": " + what + " (" + kind.outcome() + ")";
    return new UpstreamFailure(kind, message, retryAfter);
  }

  UpstreamFailure failure(FailureKind kind, String what) {
    return failure(kind, what, null);
  }
}
