package dev.roster.http;

import io.netty.util.AsciiString;
import io.netty.util.concurrent.FastThreadLocal;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes access-log lines as NGINX's {@code access_log ... buffer= flush=200ms} does, and formats
 * them off the event loop too: each thread appends finished requests (or ready lines) to its own
 * batch of {@value #BATCH} (no shared lock on the request path); a full batch is handed to a
 * bounded queue, and one writer thread, never an event loop, formats and writes batches, and
 * every {@value #FLUSH_MILLIS} ms sweeps the partly filled ones. Memory is bounded ({@value
 * #QUEUED_BATCHES} queued batches plus one per thread); when standard output cannot keep up and
 * the queue is full, a batch is dropped and counted (reported on standard error) rather than
 * blocking a request. {@link #close} writes every line appended before it.
 */
public final class AccessLogWriter implements AutoCloseable {
  static final int BATCH = 256;
  /** Queued batches: they hold their requests' records (and requests) until written. */
  static final int QUEUED_BATCHES = 32;
  static final long FLUSH_MILLIS = 200;
  private static final System.Logger LOG = System.getLogger(AccessLogWriter.class.getName());

  private final OutputStream out;
  private final ArrayBlockingQueue<Object[]> full = new ArrayBlockingQueue<>(QUEUED_BATCHES);
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
  private final Formatter formatter = new Formatter();
  private volatile boolean closed;

  public AccessLogWriter(OutputStream target) {
    this.out = target;
    this.writer = new Thread(this::run, "roster-access-log");
    writer.setDaemon(true);
    writer.start();
  }

  /** Appends one ready line (a newline is added); never blocks on the output. */
  public void write(CharSequence line) {
    add(line.toString());
  }

  /** Appends one finished request, formatted later on the writer thread. */
  void append(AccessRecord record) {
    add(record);
  }

  private void add(Object item) {
    Batch batch = mine.get();
    synchronized (batch) {
      batch.items[batch.size++] = item;
      if (batch.size == BATCH) {
        Object[] items = batch.items;
        batch.items = new Object[BATCH];
        batch.size = 0;
        if (!full.offer(items)) {
          dropped.incrementAndGet();
        }
      }
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

  private void run() {
    while (!closed) {
      try {
        Object[] items = full.poll(FLUSH_MILLIS, TimeUnit.MILLISECONDS);
        if (items != null) {
          emit(items, BATCH);
          writeQueued();
        }
        sweep();
      } catch (InterruptedException e) {
        // close() wakes the thread; the closing thread writes what is left.
      }
    }
  }

  private void writeQueued() {
    Object[] items;
    while ((items = full.poll()) != null) {
      emit(items, BATCH);
    }
  }

  /** Takes the partly filled batches of every thread and writes them. */
  private void sweep() {
    for (Batch batch : batches) {
      Object[] items;
      int size;
      synchronized (batch) {
        if (batch.size == 0) {
          continue;
        }
        items = batch.items;
        size = batch.size;
        batch.items = new Object[BATCH];
        batch.size = 0;
      }
      emit(items, size);
    }
    long lost = dropped.getAndSet(0);
    if (lost > 0) {
      LOG.log(System.Logger.Level.WARNING, "access log: " + lost + " batches of " + BATCH
          + " lines dropped: standard output is not keeping up");
    }
    synchronized (out) {
      try {
        out.flush();
      } catch (IOException e) {
        // Standard output is gone: nothing useful can be done with the lines.
      }
    }
  }

  private void emit(Object[] items, int size) {
    synchronized (formatter) {
      LineBytes lines = formatter.format(items, size);
      synchronized (out) {
        try {
          lines.writeTo(out);
        } catch (IOException e) {
          // As above.
        }
      }
    }
  }

  /** One thread's lines not yet handed over. */
  private static final class Batch {
    Object[] items = new Object[BATCH];
    int size;
  }

  /**
   * Formats a batch straight into reused bytes, with the date-time text of a second made once
   * (ISO-8601 in UTC, always with milliseconds: {@code 2026-11-29T17:29:56.042Z}).
   */
  private static final class Formatter {
    private final LineBytes lines = new LineBytes(64 * 1024);
    private final byte[] time = new byte[24];
    private final AsciiString timeText = new AsciiString(time, false);
    private long lastSecond = Long.MIN_VALUE;

    LineBytes format(Object[] items, int size) {
      lines.clear();
      for (int i = 0; i < size; i++) {
        if (items[i] instanceof AccessRecord record) {
          AccessLogLine.append(
              lines, time(record.millis), record,
              record.clients.of(record.peer, record.forwardedFor));
        } else {
          lines.appendLine((String) items[i]);
        }
      }
      return lines;
    }

    private AsciiString time(long millis) {
      long second = Math.floorDiv(millis, 1000);
      if (second != lastSecond) {
        lastSecond = second;
        // yyyy-MM-ddTHH:mm:ss (19 characters) from the JDK, once per second.
        String text = Instant.ofEpochSecond(second).toString();
        for (int i = 0; i < 19; i++) {
          time[i] = (byte) text.charAt(i);
        }
        time[19] = '.';
        time[23] = 'Z';
      }
      int ms = (int) Math.floorMod(millis, 1000);
      time[20] = (byte) ('0' + ms / 100);
      time[21] = (byte) ('0' + ms / 10 % 10);
      time[22] = (byte) ('0' + ms % 10);
      return timeText;
    }
  }
}
