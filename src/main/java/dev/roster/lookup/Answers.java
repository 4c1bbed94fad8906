package dev.roster.lookup;

import dev.roster.cache.CacheOutcome;
import dev.roster.cache.CacheSpace;
import dev.roster.cache.Lookup;

/** Combines the cache lookups behind one answer: it is as fresh as its least fresh part. */
final class Answers {
  private Answers() {}

  static Answer of(
      ResponseBody body, Lookup<?> primary, Lookup<?> secondary, CacheSpace space, int total) {
    long now = space.timeNanos();
    CacheOutcome outcome = primary.outcome();
    long ttl = primary.entry().ttlSeconds(now);
    if (secondary != null) {
      if (rank(secondary.outcome()) > rank(outcome)) {
        outcome = secondary.outcome();
      }
      ttl = Math.min(ttl, secondary.entry().ttlSeconds(now));
    }
    return new Answer(body, outcome, ttl, total);
  }

  /** The same answer, marked as one this request had to fetch parts of. */
  static Answer fetched(Answer answer) {
    return isMiss(answer.outcome())
        ? answer
        : new Answer(answer.body(), CacheOutcome.MISS_STORED, answer.ttlSeconds(), answer.totalCount());
  }

  private static boolean isMiss(CacheOutcome outcome) {
    return rank(outcome) >= 4;
  }

  private static int rank(CacheOutcome outcome) {
    return switch (outcome) {
      case HIT -> 0;
      case CLUSTER_HIT -> 1;
      case STALE -> 2;
      case STALE_IF_ERROR -> 3;
      case MISS_COLLAPSED -> 4;
      case MISS_STORED -> 5;
      case MISS_NOT_STORED -> 6;
    };
  }
}
