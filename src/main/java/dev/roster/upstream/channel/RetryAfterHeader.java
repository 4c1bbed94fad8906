package dev.roster.upstream.channel;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads an upstream {@code Retry-After} (RFC 9110: delta-seconds or an HTTP-date) and rounds
 * the delays Roster hands on, so a {@code Retry-After} we send is never 0.
 */
final class RetryAfterHeader {
  /** What a missing, garbled or past value means: try again shortly, not at once. */
  static final Duration FALLBACK = Duration.ofSeconds(1);
  /** A bound on how long one upstream answer may silence the upstream. */
  static final Duration CAP = Duration.ofMinutes(5);

  private RetryAfterHeader() {}

  /** The delay the header asks for, between 1 s and {@link #CAP}, whole seconds. */
  static Duration parse(String value, long nowEpochMillis) {
    if (value == null || value.isBlank()) {
      return FALLBACK;
    }
    String trimmed = value.trim();
    Duration asked = trimmed.chars().allMatch(Character::isDigit)
        ? deltaSeconds(trimmed)
        : untilDate(trimmed, nowEpochMillis);
    return clamp(asked);
  }

  /** Rounds up to whole seconds, at least one: the unit of a Retry-After Roster sends. */
  static Duration atLeastOneSecond(Duration delay) {
    long nanos = Math.max(0, delay.toNanos());
    long seconds = (nanos + 999_999_999L) / 1_000_000_000L;
    return Duration.ofSeconds(Math.max(1, seconds));
  }

  private static Duration deltaSeconds(String digits) {
    if (digits.length() > 9) {
      return CAP;
    }
    return Duration.ofSeconds(Long.parseLong(digits));
  }

  private static Duration untilDate(String text, long nowEpochMillis) {
    try {
      long at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
          .toInstant()
          .toEpochMilli();
      return Duration.ofMillis(at - nowEpochMillis);
    } catch (DateTimeParseException e) {
      return FALLBACK;
    }
  }

  private static Duration clamp(Duration asked) {
    if (asked.compareTo(CAP) > 0) {
      return CAP;
    }
    return atLeastOneSecond(asked);
  }
}
