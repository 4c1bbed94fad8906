package dev.roster.upstream.clerk;

import dev.roster.model.User;
import dev.roster.time.TimerSource;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Cross-key batching of single-user reads (the DataLoader idea at the edge): the reads of one
 * Clerk upstream that arrive within {@code window} of the first are sent as one {@code GET
 * /v1/users?user_id=...} of at most {@value ClerkClient#MAX_IDS} ids; a batch that fills up
 * goes at once. Each caller gets its own answer: a user the batch answer does not hold is
 * empty (a 404) for that id only; a failed call fails every id of it the same way. A batch of
 * one id goes as the single-user read, exactly as without batching. An id already waiting in
 * the open batch shares its answer. Thread-safe: callers on any event loop share the open batch.
 *
 * <p>Written by hand rather than with a DataLoader library (java-dataloader) because that one
 * dispatches on an explicit call or its own scheduled executor, outside the Vert.x contexts and
 * the injected clock; the whole mechanism here is one lock, one map and one timer.
 */
final class ClerkUserBatcher {
  private final Duration window;
  private final TimerSource timers;
  private final Function<String, Future<Optional<User>>> fetchOne;
  private final Function<List<String>, Future<List<User>>> fetchMany;
  private Batch open;

  ClerkUserBatcher(
      Duration window,
      TimerSource timers,
      Function<String, Future<Optional<User>>> fetchOne,
      Function<List<String>, Future<List<User>>> fetchMany) {
    this.window = window;
    this.timers = timers;
    this.fetchOne = fetchOne;
    this.fetchMany = fetchMany;
  }

  /** The user, or empty when Clerk does not have it; fails as the call that carried it failed. */
  Future<Optional<User>> fetchUser(String id) {
    Batch full = null;
    Future<Optional<User>> answer;
    synchronized (this) {
      if (open == null) {
        Batch batch = new Batch();
        open = batch;
        batch.timer = timers.schedule(window, () -> windowClosed(batch));
      }
      answer = open.add(id);
      if (open.size() >= ClerkClient.MAX_IDS) {
        full = open;
        open = null;
      }
    }
    if (full != null) {
      full.timer.cancel();
      send(full);
    }
    return answer;
  }

  private void windowClosed(Batch batch) {
    synchronized (this) {
      if (open != batch) {
        return;
      }
      open = null;
    }
    send(batch);
  }

  private void send(Batch batch) {
    List<String> ids = new ArrayList<>(batch.waiting.keySet());
    Future<List<User>> call;
    try {
      call = ids.size() == 1
          ? fetchOne.apply(ids.get(0)).map(found -> found.map(List::of).orElse(List.of()))
          : fetchMany.apply(ids);
    } catch (RuntimeException e) {
      // A timer that fires after shutdown finds the client closed: the callers fail, not hang.
      call = Future.failedFuture(e);
    }
    call.onComplete(
        (users, failure) -> {
          if (failure != null) {
            batch.waiting.values().forEach(p -> p.fail(failure));
            return;
          }
          Map<String, User> byId = new HashMap<>();
          for (User user : users) {
            byId.putIfAbsent(user.id(), user);
          }
          // Only asked ids are answered: a user Clerk sent that nobody asked for is ignored.
          batch.waiting.forEach((id, p) -> p.complete(Optional.ofNullable(byId.get(id))));
        });
  }

  /** The ids of one batch, each with the one promise every caller of that id shares. */
  private static final class Batch {
    final Map<String, Promise<Optional<User>>> waiting = new LinkedHashMap<>();
    TimerSource.Scheduled timer;

    Future<Optional<User>> add(String id) {
      return waiting.computeIfAbsent(id, k -> Promise.promise()).future();
    }

    int size() {
      return waiting.size();
    }
  }
}
