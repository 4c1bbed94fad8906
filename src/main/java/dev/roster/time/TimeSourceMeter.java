package dev.roster.time;

import io.github.bucket4j.TimeMeter;

/**
 * Bucket4j reads time through Roster's {@link TimeSource}, so tests refill buckets by hand (the
 * upstream request budget and the per-caller rate limit).
 */
public final class TimeSourceMeter implements TimeMeter {
  private final TimeSource time;

  public TimeSourceMeter(TimeSource time) {
    this.time = time;
  }

  @Override
  public long currentTimeNanos() {
    return time.nanoTime();
  }

  @Override
  public boolean isWallClockBased() {
    // Monotonic, like System.nanoTime: only differences between readings mean anything.
    return false;
  }
}
