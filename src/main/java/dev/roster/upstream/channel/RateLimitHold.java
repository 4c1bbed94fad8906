package dev.roster.upstream.channel;

import dev.roster.time.TimeSource;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The 429 hold of one upstream: after an upstream asked Roster to back off, no request goes
 * out until its {@code Retry-After} has passed. Thread-safe; a later, longer hold wins. Local to
 * this process; the cluster's shared hold feeds one of these.
 */
public final class RateLimitHold implements UpstreamHold {
  private final TimeSource time;
  /** The monotonic reading until which calls are held; starts already passed. */
  private final AtomicLong until;

  /** A hold that is not holding. */
  public RateLimitHold(TimeSource time) {
    this.time = time;
    this.until = new AtomicLong(time.nanoTime());
  }

  @Override
  public void holdFor(Duration delay) {
    until.accumulateAndGet(time.nanoTime() + delay.toNanos(), Math::max);
  }

  @Override
  public Duration remaining() {
    long left = until.get() - time.nanoTime();
    return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
  }
}
