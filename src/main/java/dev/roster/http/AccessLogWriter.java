package dev.roster.http;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes access-log lines to standard output through a buffer, flushed when full and by a
 * periodic timer, so logging a line never waits on the terminal on an event loop.
 */
public final class AccessLogWriter {
  private final OutputStream out;

  public AccessLogWriter(OutputStream target) {
    this.out = new BufferedOutputStream(target, 64 * 1024);
  }

  /** Appends one line (a newline is added). */
  public void write(CharSequence line) {
    byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
    synchronized (this) {
      try {
        out.write(bytes);
        out.write('\n');
      } catch (IOException e) {
        // Standard output is gone: nothing useful can be done with the line.
      }
    }
  }

  /** Pushes buffered lines out; called by a timer and at shutdown. */
  public synchronized void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      // As above.
    }
  }
}
