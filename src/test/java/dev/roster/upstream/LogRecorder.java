package dev.roster.upstream;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Records what one logger writes (System.Logger goes to java.util.logging), for assertions. */
public final class LogRecorder extends Handler implements AutoCloseable {
  private final Logger logger;
  private final List<String> lines = new CopyOnWriteArrayList<>();

  private LogRecorder(Logger logger) {
    this.logger = logger;
  }

  /** Starts recording the logger named for {@code type}. */
  public static LogRecorder of(Class<?> type) {
    Logger logger = Logger.getLogger(type.getName());
    LogRecorder recorder = new LogRecorder(logger);
    recorder.setLevel(Level.ALL);
    logger.addHandler(recorder);
    return recorder;
  }

  /** "LEVEL message" of every record so far. */
  public List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void publish(LogRecord record) {
    lines.add(record.getLevel().getName() + " " + record.getMessage());
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
  }
}
