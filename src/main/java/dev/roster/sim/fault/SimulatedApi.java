package dev.roster.sim.fault;

import io.vertx.core.buffer.Buffer;

/**
 * The vendor-specific half of a simulator: computes the faithful answer to a request, and the
 * error answers that injected faults send in the vendor's own shape. Called on the simulator's
 * event loop; implementations must not block and must be safe against concurrent mutation by
 * tests.
 */
public interface SimulatedApi {
  /** The answer to a request that no fault replaced. */
  SimResponse handle(RecordedRequest request, Buffer body);

  /** The vendor's answer with {@code status} (5xx or 429), as its servers would send it. */
  SimResponse errorFor(int status);

  /**
   * A simulator-specific admin route under {@code /__sim/} (beyond faults and requests), or
   * null when there is none at this path.
   */
  default SimResponse handleAdmin(RecordedRequest request, Buffer body) {
    return null;
  }
}
