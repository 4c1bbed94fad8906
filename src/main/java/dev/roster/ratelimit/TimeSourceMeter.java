package dev.roster.ratelimit;

import dev.roster.time.TimeSource;
import io.github.bucket4j.TimeMeter;

/** Bucket4j reads time through Roster's {@link TimeSource}, so tests refill buckets by hand. */
final class TimeSourceMeter implements TimeMeter {
  private final TimeSource time;

  TimeSourceMeter(TimeSource time) {
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
