package dev.roster.time;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A {@link TimerSource} on a {@link ManualTimeSource}: timers run, on the thread that moves
 * time, when {@link #advance} passes their due time (or at once with {@link #runDue()} when
 * the clock was moved elsewhere), with the clock set to their due time. For tests and
 * simulations.
 */
public final class ManualTimerSource implements TimerSource {
  private final ManualTimeSource time;
  private final List<Entry> pending = new ArrayList<>();
  private long sequence;

  public ManualTimerSource(ManualTimeSource time) {
    this.time = time;
  }

  @Override
  public synchronized Scheduled schedule(Duration delay, Runnable task) {
    Entry entry = new Entry(time.nanoTime() + Math.max(0, delay.toNanos()), sequence++, task);
    pending.add(entry);
    return () -> {
      synchronized (this) {
        return pending.remove(entry);
      }
    };
  }

  /**
   * Moves the clock forward by {@code duration}, stopping at each timer's due time to run it
   * (earliest first), so a timer set by a timer runs too if it falls due within the step.
   */
  public void advance(Duration duration) {
    long target = time.nanoTime() + duration.toNanos();
    while (true) {
      Entry next = takeNext(target);
      if (next == null) {
        break;
      }
      long now = time.nanoTime();
      if (next.dueNanos > now) {
        time.advance(Duration.ofNanos(next.dueNanos - now));
      }
      next.task.run();
    }
    long now = time.nanoTime();
    if (target > now) {
      time.advance(Duration.ofNanos(target - now));
    }
  }

  /** Runs every timer due at the clock's current reading, earliest first (new ones too). */
  public void runDue() {
    advance(Duration.ZERO);
  }

  private synchronized Entry takeNext(long notAfterNanos) {
    Entry next = pending.stream()
        .filter(e -> e.dueNanos <= notAfterNanos)
        .min(Comparator.comparingLong(Entry::dueNanos).thenComparingLong(Entry::order))
        .orElse(null);
    if (next != null) {
      pending.remove(next);
    }
    return next;
  }

  /** How many timers are set and have not run. */
  public synchronized int pending() {
    return pending.size();
  }

  private record Entry(long dueNanos, long order, Runnable task) {}
}
