package dev.roster.upstream.channel;

import java.util.ArrayDeque;

/**
 * At most {@code maxConcurrent} exchanges of one upstream in flight; later ones wait in a
 * bounded FIFO queue. Thread-safe; grants run outside the lock, on the releasing thread, so a
 * waiter must hop back to its own context itself.
 */
final class ConcurrencyLimit {
  private final int maxConcurrent;
  private final int maxQueued;
  private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
  private int inFlight;

  ConcurrencyLimit(int maxConcurrent, int maxQueued) {
    this.maxConcurrent = maxConcurrent;
    this.maxQueued = maxQueued;
  }

  /**
   * Runs {@code onGranted} once a slot is free (now, or when a slot is released), or returns
   * false at once when the queue is full. A granted slot must be {@link #release()}d once.
   */
  boolean acquire(Runnable onGranted) {
    synchronized (this) {
      if (inFlight >= maxConcurrent) {
        if (waiting.size() >= maxQueued) {
          return false;
        }
        waiting.addLast(onGranted);
        return true;
      }
      inFlight++;
    }
    onGranted.run();
    return true;
  }

  /** Withdraws a waiter; false when it was already granted (it must then release its slot). */
  synchronized boolean cancel(Runnable onGranted) {
    return waiting.removeFirstOccurrence(onGranted);
  }

  /** Frees a slot, handing it straight to the longest waiter if there is one. */
  void release() {
    Runnable next;
    synchronized (this) {
      next = waiting.pollFirst();
      if (next == null) {
        inFlight--;
      }
    }
    if (next != null) {
      next.run();
    }
  }

  synchronized int inFlight() {
    return inFlight;
  }
}
