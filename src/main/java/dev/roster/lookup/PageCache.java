package dev.roster.lookup;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The pages ({@code limit}/{@code offset}) of one cached member list that clients asked for,
 * kept with the list so that a widget polling one page gets a cache hit (the same bytes, ETag
 * and compressed forms) instead of a re-encoding. Bounded by a byte budget fixed when the list is
 * stored, and counted in the list's weight: pages that would not fit are made per request.
 */
final class PageCache {
  private final Map<Long, ResponseBody> pages = new ConcurrentHashMap<>();
  private final AtomicLong budgetLeft;
  private final long budget;

  PageCache(long budget) {
    this.budget = budget;
    this.budgetLeft = new AtomicLong(budget);
  }

  /** The body of page {@code [from, to)}, made by {@code encode} on the first ask. */
  ResponseBody page(int from, int to, Supplier<ResponseBody> encode) {
    Long key = ((long) from << 32) | to;
    ResponseBody cached = pages.get(key);
    if (cached != null) {
      return cached;
    }
    ResponseBody made = encode.get();
    long weight = made.weight() + 64;
    long left = budgetLeft.addAndGet(-weight);
    if (left < 0) {
      budgetLeft.addAndGet(weight);
      return made;
    }
    ResponseBody raced = pages.putIfAbsent(key, made);
    if (raced != null) {
      budgetLeft.addAndGet(weight);
      return raced;
    }
    return made;
  }

  /** The bytes this cache may hold, counted in the list's weight. */
  long budget() {
    return budget;
  }
}
