package dev.roster.upstream.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class RetryAfterHeaderTest {
  private static final long NOW = Instant.parse("2026-05-12T10:00:00Z").toEpochMilli();

  @Test
  void readsDeltaSeconds() {
    assertThat(RetryAfterHeader.parse("30", NOW)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void readsAnHttpDate() {
    String inTwoMinutes = DateTimeFormatter.RFC_1123_DATE_TIME
        .format(Instant.ofEpochMilli(NOW).plusSeconds(120).atOffset(ZoneOffset.UTC));
    assertThat(RetryAfterHeader.parse(inTwoMinutes, NOW)).isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void fallsBackToOneSecondForMissingGarbledOrPastValues() {
    assertThat(RetryAfterHeader.parse(null, NOW)).isEqualTo(Duration.ofSeconds(1));
    assertThat(RetryAfterHeader.parse("soon", NOW)).isEqualTo(Duration.ofSeconds(1));
    assertThat(RetryAfterHeader.parse("0", NOW)).isEqualTo(Duration.ofSeconds(1));
    assertThat(RetryAfterHeader.parse("Mon, 11 May 2026 10:00:00 GMT", NOW))
        .isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void capsAVeryLongHold() {
    assertThat(RetryAfterHeader.parse("86400", NOW)).isEqualTo(RetryAfterHeader.CAP);
    assertThat(RetryAfterHeader.parse("99999999999999", NOW)).isEqualTo(RetryAfterHeader.CAP);
  }

  @Test
  void roundsDelaysUpToWholeSeconds() {
    assertThat(RetryAfterHeader.atLeastOneSecond(Duration.ofMillis(1))).hasSeconds(1);
    assertThat(RetryAfterHeader.atLeastOneSecond(Duration.ofMillis(2_001))).hasSeconds(3);
    assertThat(RetryAfterHeader.atLeastOneSecond(Duration.ZERO)).hasSeconds(1);
  }
}
