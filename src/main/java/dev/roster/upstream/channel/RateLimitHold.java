package dev.roster.upstream.channel;

import dev.roster.time.TimeSource;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 429 hold of one upstream: after an upstream asked Roster to back off, no request goes
 * out until its {@code Retry-After} has passed. Thread-safe; a later, longer hold wins. Local to
 * this process; the cluster's shared hold feeds one of these. The 429 that starts a hold is
 * logged once with its {@code Retry-After} (when the hold knows its channel); 429s during a hold
 * are not.
 */
public final class RateLimitHold implements UpstreamHold {
  private static final Logger LOG = LoggerFactory.getLogger(RateLimitHold.class);

  private final TimeSource time;
  private final ChannelName name;
  /** The monotonic reading until which calls are held; starts already passed. */
  private final AtomicLong until;

  /** A hold that is not holding, and logs nothing (the cluster's shared holds). */
  public RateLimitHold(TimeSource time) {
    this(time, null);
  }

  /** A hold that is not holding, for one channel, whose first 429 it logs. */
  RateLimitHold(TimeSource time, ChannelName name) {
    this.time = time;
    this.name = name;
    this.until = new AtomicLong(time.nanoTime());
  }

  @Override
  public void holdFor(Duration delay) {
    long now = time.nanoTime();
    long before = until.getAndAccumulate(now + delay.toNanos(), Math::max);
    if (before <= now && name != null) {
      LOG.atWarn()
          .addKeyValue("app", name.app())
          .addKeyValue("upstream", name.upstream())
          .addKeyValue("retryAfterSeconds", delay.toSeconds())
          .log(
              "upstream {} of app {} answered 429: no call to it for {} s (its Retry-After);"
                  + " stale entries are served meanwhile",
              name.upstream(),
              name.app(),
              delay.toSeconds());
    }
  }

  @Override
  public Duration remaining() {
    long left = until.get() - time.nanoTime();
    return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
  }
}
