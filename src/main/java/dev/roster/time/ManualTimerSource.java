package dev.roster.time;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A {@link TimerSource} on a {@link ManualTimeSource}: timers run, on the thread that moves
 * time, when {@link #advance} passes their due time (or at once with {@link #runDue()} when
 * the clock was moved elsewhere). For tests and simulations.
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

  /** Moves the clock forward and runs every timer that is due, earliest first. */
  public void advance(Duration duration) {
    time.advance(duration);
    runDue();
  }

  /** Runs every timer due at the clock's current reading, earliest first (new ones too). */
  public void runDue() {
    while (true) {
      Entry next;
      synchronized (this) {
        next = pending.stream()
            .filter(e -> e.dueNanos <= time.nanoTime())
            .min(Comparator.comparingLong(Entry::dueNanos).thenComparingLong(Entry::order))
            .orElse(null);
        if (next == null) {
          return;
        }
        pending.remove(next);
      }
      next.task.run();
    }
  }

  /** How many timers are set and have not run. */
  public synchronized int pending() {
    return pending.size();
  }

  private record Entry(long dueNanos, long order, Runnable task) {}
}
