package dev.roster.sim.fault;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The faults a simulator injects, in the order they were added. Thread-safe: tests add and
 * clear faults from their own thread while the simulator's event loop consumes them.
 *
 * <p>For each request, every matching {@link FaultKind#LATENCY} fault adds its delay, and the
 * first matching fault of any other kind decides the answer. Each fault that applies uses up
 * one of its {@code count}; a fault whose count reaches zero is removed.
 */
public final class FaultPlan {
  private final List<Slot> slots = new ArrayList<>();

  /** Adds a fault; returns this plan for chaining. */
  public synchronized FaultPlan add(Fault fault) {
    slots.add(new Slot(fault, fault.count()));
    return this;
  }

  /** Removes every fault. */
  public synchronized void clear() {
    slots.clear();
  }

  /** The faults still active, with their remaining counts. */
  public synchronized List<Fault> active() {
    List<Fault> faults = new ArrayList<>();
    for (Slot slot : slots) {
      faults.add(slot.fault.times(slot.remaining));
    }
    return faults;
  }

  /** Decides, and uses up, what happens to a request to {@code path}. */
  synchronized Decision take(String path) {
    long delay = 0;
    Fault terminal = null;
    Iterator<Slot> it = slots.iterator();
    while (it.hasNext()) {
      Slot slot = it.next();
      if (!slot.fault.matches(path)) {
        continue;
      }
      boolean latency = slot.fault.kind() == FaultKind.LATENCY;
      if (!latency && terminal != null) {
        continue;
      }
      if (latency) {
        delay += slot.fault.millis();
      } else {
        terminal = slot.fault;
      }
      if (slot.remaining != Fault.UNTIL_CLEARED && --slot.remaining == 0) {
        it.remove();
      }
    }
    return new Decision(delay, terminal);
  }

  /** What to do with one request: wait {@code delayMillis}, then apply {@code fault} if any. */
  record Decision(long delayMillis, Fault fault) {}

  private static final class Slot {
    final Fault fault;
    int remaining;

    Slot(Fault fault, int remaining) {
      this.fault = fault;
      this.remaining = remaining;
    }
  }
}
