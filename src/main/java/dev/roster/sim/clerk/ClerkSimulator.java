package dev.roster.sim.clerk;

import dev.roster.sim.fault.FaultPlan;
import dev.roster.sim.fault.RecordedRequest;
import dev.roster.sim.fault.RequestLog;
import dev.roster.sim.fault.SimulatorServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A stand-in for Clerk's Backend API (the 2026-05-12 read operations Roster uses: get, list
 * and count users, list an organisation's memberships), seeded with {@link ClerkSeed}'s data,
 * with injectable faults ({@link #faults()}) and a log of what it was sent. Used by demo mode,
 * end-to-end tests and load tests. Admin routes under {@code /__sim/} need no key.
 */
public final class ClerkSimulator {
  private final ClerkDirectory directory;
  private final FaultPlan faults;
  private final RequestLog log;
  private final SimulatorServer server;

  private ClerkSimulator(
      ClerkDirectory directory, FaultPlan faults, RequestLog log, SimulatorServer server) {
    this.directory = directory;
    this.faults = faults;
    this.log = log;
    this.server = server;
  }

  /** Starts on 127.0.0.1:{@code port} (0 picks a free port) accepting the demo secret key. */
  public static Future<ClerkSimulator> start(Vertx vertx, int port) {
    return start(vertx, port, ClerkSeed.SECRET_KEY);
  }

  /** Starts on 127.0.0.1:{@code port} accepting {@code secretKey}. */
  public static Future<ClerkSimulator> start(Vertx vertx, int port, String secretKey) {
    ClerkDirectory directory = new ClerkDirectory();
    ClerkSeeder.seed(directory);
    FaultPlan faults = new FaultPlan();
    RequestLog log = new RequestLog();
    return SimulatorServer.start(vertx, port, new ClerkApi(directory, secretKey), faults, log)
        .map(server -> new ClerkSimulator(directory, faults, log, server));
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

  /**
   * Adds or replaces a user. {@code user} is Clerk's snake_case User object; only {@code id} is
   * required, missing fields take defaults ({@code created_at} now).
   */
  public void putUser(JsonObject user) {
    directory.putUser(ClerkUserBuilder.complete(user, System.currentTimeMillis()));
  }

  /** The stored User object, or null. */
  public JsonObject user(String userId) {
    JsonObject user = directory.user(userId);
    return user == null ? null : user.copy();
  }

  /** Deletes a user and its memberships; returns whether it existed. */
  public boolean deleteUser(String userId) {
    return directory.deleteUser(userId);
  }

  /** Adds (or changes the role of) a membership; both org and user must exist. */
  public void addMembership(String orgId, String userId, String role) {
    directory.addMembership(orgId, userId, role, System.currentTimeMillis());
  }

  /** Removes a membership; returns whether it existed. */
  public boolean removeMembership(String orgId, String userId) {
    return directory.removeMembership(orgId, userId);
  }
}
