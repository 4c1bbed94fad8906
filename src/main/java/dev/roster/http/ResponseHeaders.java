package dev.roster.http;

import dev.roster.cache.CacheOutcome;
import dev.roster.lookup.Answer;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;

/** The caching headers of a successful answer: Cache-Status (RFC 9211), Cache-Control, ETag. */
public final class ResponseHeaders {
  public static final CharSequence CACHE_STATUS = HttpHeaders.createOptimized("Cache-Status");
  public static final CharSequence TOTAL_COUNT = HttpHeaders.createOptimized("X-Total-Count");
  static final CharSequence JSON = HttpHeaders.createOptimized("application/json");

  private ResponseHeaders() {}

  /** Sets the headers every 200 or 304 answer carries. */
  static void apply(MultiMap headers, Answer answer) {
    headers.set(HttpHeaders.CONTENT_TYPE, JSON);
    headers.set(HttpHeaders.ETAG, answer.body().etag());
    headers.set(HttpHeaders.CACHE_CONTROL, cacheControl(answer.ttlSeconds()));
    headers.set(CACHE_STATUS, cacheStatus(answer.outcome(), answer.ttlSeconds()));
  }

  /** RFC 9211: {@code roster; hit; ttl=42}, {@code roster; hit; ttl=-30}, {@code fwd=miss}... */
  static String cacheStatus(CacheOutcome outcome, long ttlSeconds) {
    return switch (outcome) {
      case HIT, STALE -> "roster; hit; ttl=" + ttlSeconds;
      case STALE_IF_ERROR -> "roster; hit; ttl=" + ttlSeconds + "; detail=stale-if-error";
      case MISS_STORED -> "roster; fwd=miss; stored";
      case MISS_COLLAPSED -> "roster; fwd=miss; collapsed";
      case MISS_NOT_STORED -> "roster; fwd=miss";
    };
  }

  static String cacheControl(long ttlSeconds) {
    return "private, max-age=" + Math.max(0, ttlSeconds);
  }

  /** Whether {@code If-None-Match} names this ETag (weak comparison, as RFC 9110 says). */
  static boolean notModified(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
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
