package dev.roster.upstream.clerk;

import dev.roster.model.User;
import dev.roster.time.TimerSource;
import dev.roster.upstream.Lane;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ids of one batch of {@link ClerkUserBatcher}, each with the one promise every caller of
 * that id shares. Guarded by the batcher's lock until {@link #sealed}; answered once after.
 */
final class UserBatch {
  final Lane lane;
  private final Map<String, Promise<Optional<User>>> waiting = new LinkedHashMap<>();
  TimerSource.Scheduled timer;
  /** No more ids join: its request has been built (or it failed before). */
  boolean sealed;
  /** Its call has been started; a batch is admitted by one call at a time. */
  boolean admitting;
  /** Its call was admitted and has not ended yet. */
  boolean called;
  /** How many times it asked the budget in vain. */
  int polls;

  UserBatch(Lane lane) {
    this.lane = lane;
  }

  Future<Optional<User>> add(String id) {
    return waiting.computeIfAbsent(id, k -> Promise.promise()).future();
  }

  int size() {
    return waiting.size();
  }

  List<String> ids() {
    return new ArrayList<>(waiting.keySet());
  }

  /** Moves ids (with their callers) into {@code other} until it holds {@code max}. */
  void moveInto(UserBatch other, int max) {
    Iterator<Map.Entry<String, Promise<Optional<User>>>> it = waiting.entrySet().iterator();
    while (it.hasNext() && other.size() < max) {
      Map.Entry<String, Promise<Optional<User>>> entry = it.next();
      Promise<Optional<User>> there = other.waiting.putIfAbsent(entry.getKey(), entry.getValue());
      if (there != null) {
        there.future().onComplete(entry.getValue());
      }
      it.remove();
    }
  }

  /** Answers each id with its user among {@code users}; a user nobody asked for is ignored. */
  void answer(List<User> users) {
    Map<String, User> byId = new HashMap<>();
    for (User user : users) {
      byId.putIfAbsent(user.id(), user);
    }
    waiting.forEach((id, promise) -> promise.tryComplete(Optional.ofNullable(byId.get(id))));
  }

  void fail(Throwable failure) {
    waiting.values().forEach(promise -> promise.tryFail(failure));
  }
}
