package dev.roster.time;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A {@link TimeSource} that only moves when told to; for tests and simulations. */
public final class ManualTimeSource implements TimeSource {
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final AtomicLong epochMillis;

  /** Starts at the given wall-clock time. */
  public ManualTimeSource(long epochMillis) {
    this.epochMillis = new AtomicLong(epochMillis);
  }

  /** Starts at the current wall-clock time (then frozen). */
  public ManualTimeSource() {
    this(System.currentTimeMillis());
  }

  /** Moves both clocks forward by {@code duration}. */
  public void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
    epochMillis.addAndGet(duration.toMillis());
  }

  @Override
  public long nanoTime() {
    return nanos.get();
  }

  @Override
  public long epochMillis() {
    return epochMillis.get();
  }
}
