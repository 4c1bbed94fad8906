package dev.roster.metrics;

import io.vertx.core.internal.ContextInternal;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per-request facts gathered on the request's own (duplicated) Vert.x context, which Vert.x
 * gives every HTTP request and carries through its futures: how many upstream calls were made
 * on behalf of the request, for the access log.
 */
public final class RequestScope {
  private static final Object UPSTREAM_CALLS = new Object();

  private RequestScope() {}

  /**
   * Counts one upstream call for the request running on {@code context}, if any. The counter is
   * made on the first call, so a cache hit never touches the context's storage.
   */
  public static void countUpstreamCall(ContextInternal context) {
    if (context != null && context.isDuplicate()) {
      AtomicInteger calls = context.getLocal(UPSTREAM_CALLS);
      if (calls == null) {
        calls = new AtomicInteger();
        context.putLocal(UPSTREAM_CALLS, calls);
      }
      calls.incrementAndGet();
    }
  }

  /** The upstream calls counted so far for the request on the current context. */
  public static int upstreamCalls() {
    ContextInternal context = ContextInternal.current();
    AtomicInteger calls = context == null ? null : context.getLocal(UPSTREAM_CALLS);
    return calls == null ? 0 : calls.get();
  }
}
