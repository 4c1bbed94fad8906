package dev.roster.cache;

/**
 * What a loader fails a background refresh with when it chose not to ask the upstream now (the
 * request budget has no token to spare for background work). Unlike a failed fetch, it says
 * nothing about the upstream: the stale entry keeps being served while it may be revalidated,
 * the refresh is tried again on a read after a pause, and once {@code staleWhileRevalidate} has
 * run out a read waits for the upstream as any miss does.
 */
public final class RefreshDeferred extends RuntimeException {
  public static final RefreshDeferred INSTANCE = new RefreshDeferred();

  private RefreshDeferred() {
    super("refresh deferred: no budget to spare", null, false, false);
  }
}
