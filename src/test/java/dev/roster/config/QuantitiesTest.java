package dev.roster.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuantitiesTest {
  @Test
  void parsesEveryDurationUnit() {
    assertThat(Quantities.parseDuration("1500ms")).isEqualTo(Duration.ofMillis(1500));
    assertThat(Quantities.parseDuration("10s")).isEqualTo(Duration.ofSeconds(10));
    assertThat(Quantities.parseDuration("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Quantities.parseDuration("24h")).isEqualTo(Duration.ofHours(24));
    assertThat(Quantities.parseDuration("0s")).isEqualTo(Duration.ZERO);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"10", "5x", "-5s", "1.5s", "s", "10 s", "10S", "1d", "", "9999999999999h"})
  void refusesWhatIsNotADuration(String text) {
    assertThat(Quantities.parseDuration(text)).isNull();
  }

  @Test
  void parsesSizesIn1024Steps() {
    assertThat(Quantities.parseSize("512B")).isEqualTo(512L);
    assertThat(Quantities.parseSize("2KB")).isEqualTo(2048L);
    assertThat(Quantities.parseSize("256MB")).isEqualTo(256L * 1024 * 1024);
    assertThat(Quantities.parseSize("3GB")).isEqualTo(3L * 1024 * 1024 * 1024);
  }

  @ParameterizedTest
  @ValueSource(strings = {"256", "256M", "256mb", "1TB", "-1MB", "1.5GB", "999999999999GB"})
  void refusesWhatIsNotASize(String text) {
    assertThat(Quantities.parseSize(text)).isNull();
  }
}
