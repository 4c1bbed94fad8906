package dev.roster.sim.clerk;

import dev.roster.sim.fault.FaultPlan;
import dev.roster.sim.fault.RequestLog;
import dev.roster.sim.fault.SimulatedUpstream;
import dev.roster.sim.fault.SimulatorServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * A stand-in for Clerk's Backend API (the 2026-05-12 read operations Roster uses: get, list
 * and count users, list an organisation's memberships), seeded with {@link ClerkSeed}'s data,
 * with injectable faults ({@link #faults()}) and a log of what it was sent. Used by demo mode,
 * end-to-end tests and load tests. Admin routes under {@code /__sim/} need no key.
 */
public final class ClerkSimulator extends SimulatedUpstream {
  private final ClerkDirectory directory;

  private ClerkSimulator(
      ClerkDirectory directory, FaultPlan faults, RequestLog log, SimulatorServer server) {
    super(faults, log, server);
    this.directory = directory;
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
