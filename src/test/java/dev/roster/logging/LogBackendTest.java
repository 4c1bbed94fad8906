package dev.roster.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.roster.config.LoggingOptions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The level comes from logging.level, and ROSTER_LOG_LEVEL wins over it. */
class LogBackendTest {
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  @AfterEach
  void reset() {
    root.setLevel(Level.INFO);
  }

  @Test
  void setsTheRootLevelFromTheFile() {
    assertThat(LogBackend.applyLevel(new LoggingOptions("debug"), Map.of())).isEqualTo("debug");
    assertThat(root.getLevel()).isEqualTo(Level.DEBUG);
  }

  @Test
  void theEnvironmentWinsOverTheFile() {
    LogBackend.applyLevel(new LoggingOptions("debug"), Map.of("ROSTER_LOG_LEVEL", "warn"));
    assertThat(root.getLevel()).isEqualTo(Level.WARN);
  }
}
