package dev.roster.upstream;

import dev.roster.time.TimeSource;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The 429 hold of one upstream: after an upstream asked Roster to back off, no request goes
 * out until its {@code Retry-After} has passed. Thread-safe; a later, longer hold wins.
 */
final class RateLimitHold {
  private final TimeSource time;
  /** The monotonic reading until which calls are held; starts already passed. */
  private final AtomicLong until;

  RateLimitHold(TimeSource time) {
    this.time = time;
    this.until = new AtomicLong(time.nanoTime());
  }

  /** Holds every call for {@code delay} from now, unless a longer hold already runs. */
  void holdFor(Duration delay) {
    until.accumulateAndGet(time.nanoTime() + delay.toNanos(), Math::max);
  }

  /** How long the hold still runs, or {@link Duration#ZERO} when calls may go out. */
  Duration remaining() {
    long left = until.get() - time.nanoTime();
    return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
  }
}
