package dev.roster.upstream.channel;

import java.time.Duration;

/**
 * The seam for the 429 hold of one upstream: after the upstream answered 429 with {@code
 * Retry-After}, no attempt goes out until that time has passed. {@link #remaining()} is read
 * before every attempt, so it must be a cheap local read; {@link #holdFor} is called on the
 * context of the exchange that got the 429 and must not block (a shared implementation
 * publishes in the background). Implementations: {@link RateLimitHold} (this process only) and
 * the cluster's shared hold, which also applies holds received from other replicas. Thread-safe;
 * a later, longer hold wins.
 */
public interface UpstreamHold {
  /** Holds every call for {@code delay} from now, unless a longer hold already runs. */
  void holdFor(Duration delay);

  /** How long the hold still runs, or {@link Duration#ZERO} when calls may go out. */
  Duration remaining();
}
