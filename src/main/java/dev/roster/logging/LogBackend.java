package dev.roster.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.roster.config.LoggingOptions;
import java.util.Map;
import java.util.logging.LogManager;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The one logging backend: SLF4J into Logback, whose {@code logback.xml} writes one JSON object
 * per line on standard error. Vert.x and Netty find SLF4J on their own; {@code java.util.logging}
 * (and {@code System.Logger}, which defaults to it) is bridged in here. The access log is not a
 * log of this kind: it stays on standard output, written by {@code http.AccessLogWriter}.
 */
public final class LogBackend {
  /** Wins over {@code logging.level} in the file. */
  public static final String LEVEL_VARIABLE = "ROSTER_LOG_LEVEL";

  private LogBackend() {}

  /** Routes java.util.logging into SLF4J; call first thing in {@code main}. */
  public static void install() {
    // Vert.x would pick SLF4J anyway; saying so keeps it from falling back to JUL's two-line format.
    System.setProperty(
        "vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.SLF4JLogDelegateFactory");
    LogManager.getLogManager().reset();
    SLF4JBridgeHandler.install();
  }

  /**
   * Sets the root level from {@code ROSTER_LOG_LEVEL}, else from {@code logging.level}.
   *
   * @return the level applied
   */
  public static String applyLevel(LoggingOptions options, Map<String, String> env) {
    String fromEnv = env.get(LEVEL_VARIABLE);
    String level = fromEnv == null || fromEnv.isBlank() ? options.level() : fromEnv.strip();
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context
          .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
          .setLevel(Level.toLevel(level, Level.INFO));
    }
    return level;
  }
}
