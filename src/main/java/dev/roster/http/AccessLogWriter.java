package dev.roster.http;

import io.netty.util.concurrent.FastThreadLocal;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes access-log lines as NGINX's {@code access_log ... buffer=32k flush=200ms} does: each
 * thread appends its lines to its own batch (no shared lock on the request path); a full batch is
 * handed to a bounded queue, and one writer thread, never an event loop, writes batches out and
 * every {@value #FLUSH_MILLIS} ms sweeps the partly filled ones. Memory is bounded ({@value
 * #QUEUED_BATCHES} queued batches of about {@value #BATCH_CHARS} characters, plus one per
 * thread); when standard output cannot keep up and the queue is full, a batch is dropped and
 * counted rather than blocking a request. {@link #close} writes every line appended before it.
 */
public final class AccessLogWriter implements AutoCloseable {
  static final int BATCH_CHARS = 32 * 1024;
  static final int QUEUED_BATCHES = 64;
  static final long FLUSH_MILLIS = 200;
  private static final System.Logger LOG = System.getLogger(AccessLogWriter.class.getName());

  private final OutputStream out;
  private final ArrayBlockingQueue<StringBuilder> full = new ArrayBlockingQueue<>(QUEUED_BATCHES);
  private final List<Batch> batches = new CopyOnWriteArrayList<>();
  private final FastThreadLocal<Batch> mine =
      new FastThreadLocal<>() {
        @Override
        protected Batch initialValue() {
          Batch batch = new Batch();
          batches.add(batch);
          return batch;
        }
      };
  private final AtomicLong dropped = new AtomicLong();
  private final Thread writer;
  private volatile boolean closed;

  public AccessLogWriter(OutputStream target) {
    this.out = target;
    this.writer = new Thread(this::run, "roster-access-log");
    writer.setDaemon(true);
    writer.start();
  }

  /** Appends one line (a newline is added); never blocks on the output. */
  public void write(CharSequence line) {
    Batch batch = mine.get();
    synchronized (batch) {
      batch.text.append(line).append('\n');
      handOverIfFull(batch);
    }
  }

  /** Appends one request's access-log line. */
  void append(AccessRecord record, int status, long nanos, int upstreamCalls, String client) {
    Batch batch = mine.get();
    synchronized (batch) {
      AccessLogLine.append(batch.text, batch.now(), record, status, nanos, upstreamCalls, client);
      handOverIfFull(batch);
    }
  }

  /** Writes out every line appended so far, on the calling thread (tests, shutdown). */
  public void flush() {
    writeQueued();
    sweep();
  }

  /** Writes every line appended before this call, then stops the writer thread. */
  @Override
  public void close() {
    closed = true;
    writer.interrupt();
    flush();
  }

  private void handOverIfFull(Batch batch) {
    if (batch.text.length() >= BATCH_CHARS) {
      StringBuilder text = batch.text;
      batch.text = new StringBuilder(BATCH_CHARS + 1024);
      if (!full.offer(text)) {
        dropped.incrementAndGet();
      }
    }
  }

  private void run() {
    while (!closed) {
      try {
        StringBuilder text = full.poll(FLUSH_MILLIS, TimeUnit.MILLISECONDS);
        if (text != null) {
          emit(text);
          writeQueued();
        }
        sweep();
      } catch (InterruptedException e) {
        // close() wakes the thread; the closing thread writes what is left.
      }
    }
  }

  private void writeQueued() {
    StringBuilder text;
    while ((text = full.poll()) != null) {
      emit(text);
    }
  }

  /** Takes the partly filled batches of every thread and writes them. */
  private void sweep() {
    for (Batch batch : batches) {
      StringBuilder text;
      synchronized (batch) {
        if (batch.text.length() == 0) {
          continue;
        }
        text = batch.text;
        batch.text = new StringBuilder(BATCH_CHARS + 1024);
      }
      emit(text);
    }
    long lost = dropped.getAndSet(0);
    if (lost > 0) {
      LOG.log(System.Logger.Level.WARNING, "access log: " + lost
          + " batches of lines dropped: standard output is not keeping up");
    }
    synchronized (out) {
      try {
        out.flush();
      } catch (IOException e) {
        // Standard output is gone: nothing useful can be done with the lines.
      }
    }
  }

  private void emit(StringBuilder text) {
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    synchronized (out) {
      try {
        out.write(bytes);
      } catch (IOException e) {
        // As above.
      }
    }
  }

  /** One thread's lines not yet handed over, and its last timestamp text. */
  private static final class Batch {
    StringBuilder text = new StringBuilder(BATCH_CHARS + 1024);
    private long lastMillis = -1;
    private String lastTime;

    /** The time as ISO-8601 text, made once per millisecond. */
    String now() {
      long millis = System.currentTimeMillis();
      if (millis != lastMillis) {
        lastMillis = millis;
        lastTime = Instant.ofEpochMilli(millis).toString();
      }
      return lastTime;
    }
  }
}
