package dev.roster.time;

/**
 * The one seam through which Roster reads time, so tests move time by hand instead of sleeping.
 * {@link #nanoTime()} is monotonic (for durations, TTLs, buckets, breakers); {@link
 * #epochMillis()} is wall time (for JWT {@code exp}/{@code nbf}/{@code iat} and Svix
 * timestamps).
 */
public interface TimeSource {
  /** A monotonic reading in nanoseconds, as {@link System#nanoTime()}. */
  long nanoTime();

  /** Wall-clock time in Unix epoch milliseconds. */
  long epochMillis();

  /** The real clocks of the JVM. */
  static TimeSource system() {
    return SystemTimeSource.INSTANCE;
  }
}
