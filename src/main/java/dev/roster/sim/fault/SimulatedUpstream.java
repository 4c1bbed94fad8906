package dev.roster.sim.fault;

import io.vertx.core.Future;
import java.util.List;

/**
 * What every upstream simulator offers tests and demo mode: its address, its fault plan and the
 * log of what it was sent. The vendor simulators add their own data and mutators.
 */
public abstract class SimulatedUpstream {
  private final FaultPlan faults;
  private final RequestLog log;
  private final SimulatorServer server;

  protected SimulatedUpstream(FaultPlan faults, RequestLog log, SimulatorServer server) {
    this.faults = faults;
    this.log = log;
    this.server = server;
  }

  /** The bound port. */
  public int port() {
    return server.port();
  }

  /** {@code http://127.0.0.1:<port>}, the value for Roster's {@code baseUrl}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** Stops the simulator. */
  public Future<Void> close() {
    return server.close();
  }

  /** The faults to inject; thread-safe. */
  public FaultPlan faults() {
    return faults;
  }

  /** The log of API requests (admin routes excluded). */
  public RequestLog requestLog() {
    return log;
  }

  /** How many API requests arrived since the last {@link #clearRequests()}. */
  public int requestCount() {
    return log.requestCount();
  }

  /** The API requests, oldest first. */
  public List<RecordedRequest> requests() {
    return log.requests();
  }

  /** The API requests whose path starts with {@code pathPrefix}. */
  public List<RecordedRequest> requestsTo(String pathPrefix) {
    return log.requestsTo(pathPrefix);
  }

  /** Forgets the logged requests. */
  public void clearRequests() {
    log.clear();
  }
}
