package dev.roster.upstream;

import java.util.Locale;

/**
 * Who is waiting on an upstream call, which decides its place in the request budget: a caller's
 * miss ({@link #INTERACTIVE}) takes a token before background work ({@link #BACKGROUND}: a
 * stale-while-revalidate refresh), which only spends tokens the callers can spare.
 */
public enum Lane {
  /** A caller waits for the answer (a cache miss). */
  INTERACTIVE,
  /** Nobody waits: a stale entry is being served while it is refreshed. */
  BACKGROUND;

  /** The {@code lane} metric tag. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
