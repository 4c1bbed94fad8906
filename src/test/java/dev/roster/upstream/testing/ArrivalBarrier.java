package dev.roster.upstream.testing;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds answers back until {@code parties} requests have arrived, so a test can prove that
 * requests were sent in parallel: a client that waited for one answer before sending the next
 * request would never open it.
 */
public final class ArrivalBarrier {
  private final int parties;
  private final AtomicInteger arrived = new AtomicInteger();
  private final Promise<Void> open = Promise.promise();

  public ArrivalBarrier(int parties) {
    this.parties = parties;
  }

  /** Counts one arrival; completes once every party has arrived. */
  public Future<Void> arrive() {
    if (arrived.incrementAndGet() == parties) {
      open.tryComplete();
    }
    return open.future();
  }

  public boolean isOpen() {
    return open.future().isComplete();
  }
}
