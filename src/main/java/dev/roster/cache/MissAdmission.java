package dev.roster.cache;

/**
 * Decides whether a lookup that would start a new upstream fetch may do so (a per-caller share
 * of the upstream budget). Asked only when a fetch would start: hits, stale answers whose refresh
 * is already running, and misses that join a fetch in flight never ask.
 */
@FunctionalInterface
public interface MissAdmission {
  /** Admits every fetch. */
  MissAdmission ALWAYS = () -> null;

  /**
   * Takes one fetch from the share: null when admitted, else the failure to answer this lookup
   * with (never remembered for the key, so other callers are not affected).
   */
  RuntimeException admit();
}
