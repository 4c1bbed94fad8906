package dev.roster.webhook;

import dev.roster.cache.ExpiringMap;
import dev.roster.time.TimeSource;
import java.time.Duration;

/**
 * The svix-ids this app has handled, so a redelivery is acknowledged without acting twice.
 * Bounded in entries and in time: Svix retries a message for about a day, so older ids are
 * of no use, and a flood of distinct ids cannot grow memory without limit.
 *
 * <p>An id is claimed before its event is acted on, so two concurrent deliveries of one
 * message cannot both act; a failed attempt releases its claim so Svix's retry is processed.
 */
final class DeliveryLedger {
  private enum State {
    IN_FLIGHT,
    DONE
  }

  private final ExpiringMap<String, State> ids;

  DeliveryLedger(long maxIds, Duration retention, TimeSource time) {
    long nanos = retention.toNanos();
    this.ids = new ExpiringMap<>(maxIds, time, (id, state) -> nanos);
  }

  /** Claims an id; false when it is already done or being handled by another delivery. */
  boolean claim(String id) {
    return ids.putIfAbsent(id, State.IN_FLIGHT) == null;
  }

  /** Marks a claimed id as handled for good. */
  void complete(String id) {
    ids.put(id, State.DONE);
  }

  /** Gives a claim back after a failed attempt, so the next delivery of the id is processed. */
  void release(String id) {
    ids.compute(id, (key, state) -> state == State.IN_FLIGHT ? null : state);
  }

  /** An estimate of the ids held. */
  long size() {
    return ids.size();
  }
}
