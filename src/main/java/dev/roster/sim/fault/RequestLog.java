package dev.roster.sim.fault;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a simulator was sent, for tests to assert on. Thread-safe. Counts are exact; the
 * requests themselves are kept up to {@link #MAX_KEPT} (the newest), so a load test cannot
 * exhaust memory.
 */
public final class RequestLog {
  /** How many requests are kept for {@link #requests()}. */
  public static final int MAX_KEPT = 200_000;

  private final Deque<RecordedRequest> kept = new ArrayDeque<>();
  private final Map<String, Long> byPath = new TreeMap<>();
  private long count;

  /** Records one request. */
  public synchronized void record(RecordedRequest request) {
    count++;
    byPath.merge(request.path(), 1L, Long::sum);
    kept.addLast(request);
    if (kept.size() > MAX_KEPT) {
      kept.removeFirst();
    }
  }

  /** How many requests arrived since the last {@link #clear()}. */
  public synchronized int requestCount() {
    return (int) count;
  }

  /** The kept requests, oldest first. */
  public synchronized List<RecordedRequest> requests() {
    return new ArrayList<>(kept);
  }

  /** The kept requests whose path starts with {@code pathPrefix}, oldest first. */
  public synchronized List<RecordedRequest> requestsTo(String pathPrefix) {
    List<RecordedRequest> matching = new ArrayList<>();
    for (RecordedRequest request : kept) {
      if (request.path().startsWith(pathPrefix)) {
        matching.add(request);
      }
    }
    return matching;
  }

  /** Request counts per exact path, sorted by path. */
  public synchronized Map<String, Long> countsByPath() {
    return new TreeMap<>(byPath);
  }

  /** Forgets every request. */
  public synchronized void clear() {
    kept.clear();
    byPath.clear();
    count = 0;
  }
}
