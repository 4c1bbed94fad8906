package dev.roster.sim.clerk;

import dev.roster.sim.fault.FaultPlan;
import dev.roster.sim.fault.RequestLog;
import dev.roster.sim.fault.SimulatedUpstream;
import dev.roster.sim.fault.SimulatorServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A stand-in for Clerk's Backend API (the 2026-05-12 read operations Clerk clients use: the
 * JWKS; get, list and count users; get an organisation; list an organisation's or a user's
 * memberships), seeded with {@link ClerkSeed}'s data,
 * with injectable faults ({@link #faults()}) and a log of what it was sent. Used by demo mode,
 * end-to-end tests and load tests. Admin routes under {@code /__sim/} need no key.
 */
public final class ClerkSimulator extends SimulatedUpstream {
  private final ClerkDirectory directory;
  private final AtomicReference<Supplier<JsonObject>> jwks;

  private ClerkSimulator(ClerkDirectory directory, AtomicReference<Supplier<JsonObject>> jwks,
      FaultPlan faults, RequestLog log, SimulatorServer server) {
    super(faults, log, server);
    this.directory = directory;
    this.jwks = jwks;
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
    AtomicReference<Supplier<JsonObject>> jwks =
        new AtomicReference<>(() -> new JsonObject().put("keys", new JsonArray()));
    ClerkApi api = new ClerkApi(directory, secretKey, () -> jwks.get().get());
    return SimulatorServer.start(vertx, port, api, faults, log)
        .map(server -> new ClerkSimulator(directory, jwks, faults, log, server));
  }

  /**
   * Serves {@code keys} (a JWKS with public keys only) at {@code GET /v1/jwks}, as Clerk serves
   * the instance's session-token keys; by default the set is empty.
   */
  public void serveJwks(Supplier<JsonObject> keys) {
    jwks.set(keys);
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

  /** The organisation's slug, or null when there is no such organisation. */
  public String organizationSlug(String orgId) {
    JsonObject org = directory.org(orgId);
    return org == null ? null : org.getString("slug");
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
