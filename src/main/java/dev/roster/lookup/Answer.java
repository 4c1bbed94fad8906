package dev.roster.lookup;

import dev.roster.cache.CacheOutcome;

/**
 * A successful lookup: the body to write, how the cache answered ({@code outcome} and the
 * freshness left, negative when stale), and for lists the number of items in the full list.
 */
public record Answer(ResponseBody body, CacheOutcome outcome, long ttlSeconds, int totalCount) {}
