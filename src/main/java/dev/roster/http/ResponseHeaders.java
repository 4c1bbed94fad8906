package dev.roster.http;

import dev.roster.cache.CacheOutcome;
import dev.roster.encoding.Representation;
import dev.roster.lookup.Answer;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The caching headers of a successful answer: Cache-Status (RFC 9211), Cache-Control, ETag
 * ({@code Vary: Accept-Encoding}, which every answer of the user routes carries, SPEC §10, is
 * added by {@link UsersRoute}). Values for the common freshness counts are made once and reused, pre-validated; the
 * ETag and length values are made once per representation. {@link #cacheStatus} is the one
 * place a {@code Cache-Status} value is built.
 */
public final class ResponseHeaders {
  public static final CharSequence CACHE_STATUS = HttpHeaders.createOptimized("Cache-Status");
  public static final CharSequence TOTAL_COUNT = HttpHeaders.createOptimized("X-Total-Count");
  static final CharSequence JSON = HttpHeaders.createOptimized("application/json");
  static final CharSequence VARY_ENCODING = HttpHeaders.createOptimized("Accept-Encoding");
  private static final int TABLE_SIZE = 3601;
  private static final AtomicReferenceArray<CharSequence> CONTROL =
      new AtomicReferenceArray<>(TABLE_SIZE);
  private static final AtomicReferenceArray<CharSequence> FRESH =
      new AtomicReferenceArray<>(TABLE_SIZE);
  private static final AtomicReferenceArray<CharSequence> STALE =
      new AtomicReferenceArray<>(TABLE_SIZE);
  private static final AtomicReferenceArray<CharSequence> COUNT =
      new AtomicReferenceArray<>(TABLE_SIZE);

  private ResponseHeaders() {}

  /** Adds the headers every 200 or 304 answer carries (to a response that has none of them). */
  static void apply(MultiMap headers, Answer answer, Representation form) {
    headers.add(HttpHeaders.CONTENT_TYPE, JSON);
    headers.add(HttpHeaders.ETAG, form.etagHeader());
    headers.add(HttpHeaders.CACHE_CONTROL, cacheControl(answer.ttlSeconds()));
    headers.add(CACHE_STATUS, cacheStatus(answer.outcome(), answer.ttlSeconds()));
  }

  /** RFC 9211: {@code roster; hit; ttl=42}, {@code roster; hit; ttl=-30}, {@code fwd=miss}... */
  static CharSequence cacheStatus(CacheOutcome outcome, long ttlSeconds) {
    return switch (outcome) {
      case HIT, STALE ->
          ttlSeconds >= 0
              ? cached(FRESH, ttlSeconds, "roster; hit; ttl=")
              : cached(STALE, -ttlSeconds, "roster; hit; ttl=-");
      case STALE_IF_ERROR -> "roster; hit; ttl=" + ttlSeconds + "; detail=stale-if-error";
      // Fetched by another replica and read from the cluster's shared level (SPEC §9).
      case CLUSTER_HIT -> "roster; hit; ttl=" + ttlSeconds + "; detail=cluster";
      case MISS_STORED -> "roster; fwd=miss; stored";
      case MISS_COLLAPSED -> "roster; fwd=miss; collapsed";
      case MISS_NOT_STORED -> "roster; fwd=miss";
    };
  }

  /** An {@code X-Total-Count} value, from a table of pre-validated values for common counts. */
  static CharSequence count(int total) {
    return cached(COUNT, Math.max(0, total), "");
  }

  static CharSequence cacheControl(long ttlSeconds) {
    return cached(CONTROL, Math.max(0, ttlSeconds), "private, max-age=");
  }

  private static CharSequence cached(
      AtomicReferenceArray<CharSequence> table, long number, String prefix) {
    if (number >= TABLE_SIZE) {
      return prefix + number;
    }
    int index = (int) number;
    CharSequence value = table.get(index);
    if (value == null) {
      value = HttpHeaders.createOptimized(prefix + number);
      table.set(index, value);
    }
    return value;
  }

  /** Whether {@code If-None-Match} names this ETag (weak comparison, as RFC 9110 says). */
  static boolean notModified(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    if (ifNoneMatch.equals(etag)) {
      // A browser or widget sending back the one tag it was given: no list to split.
      return true;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.trim();
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals("*") || tag.equals(etag)) {
        return true;
      }
    }
    return false;
  }
}
