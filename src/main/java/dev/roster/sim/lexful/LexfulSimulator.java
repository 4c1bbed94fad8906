package dev.roster.sim.lexful;

import dev.roster.sim.fault.FaultPlan;
import dev.roster.sim.fault.RequestLog;
import dev.roster.sim.fault.SimulatedUpstream;
import dev.roster.sim.fault.SimulatorServer;
import dev.roster.time.TimeSource;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * A stand-in for Lexful's API (token issue, get and list users of one account), seeded with
 * {@link LexfulSeed}'s account, with injectable faults ({@link #faults()}) and a log of what it
 * was sent. Tokens live 60 minutes on the given {@link TimeSource}. Admin routes under {@code
 * /__sim/} need no token; {@code POST /__sim/tokens/revoke} revokes every issued token.
 */
public final class LexfulSimulator extends SimulatedUpstream {
  private final LexfulDirectory directory;
  private final LexfulTokens tokens;
  private final TimeSource time;

  private LexfulSimulator(LexfulDirectory directory, LexfulTokens tokens, FaultPlan faults,
      RequestLog log, TimeSource time, SimulatorServer server) {
    super(faults, log, server);
    this.directory = directory;
    this.tokens = tokens;
    this.time = time;
  }

  /** Starts on 127.0.0.1:{@code port} (0 picks a free port) on the system clock. */
  public static Future<LexfulSimulator> start(Vertx vertx, int port) {
    return start(vertx, port, TimeSource.system());
  }

  /** Starts on 127.0.0.1:{@code port}; token lifetimes run on {@code time}. */
  public static Future<LexfulSimulator> start(Vertx vertx, int port, TimeSource time) {
    LexfulDirectory directory = new LexfulDirectory();
    LexfulSeeder.seed(directory);
    LexfulTokens tokens = new LexfulTokens(time);
    FaultPlan faults = new FaultPlan();
    RequestLog log = new RequestLog();
    return SimulatorServer.start(vertx, port, new LexfulApi(directory, tokens), faults, log)
        .map(server -> new LexfulSimulator(directory, tokens, faults, log, time, server));
  }

  /** Revokes every issued token (the static token stays valid), so the next call gets 401. */
  public void revokeTokens() {
    tokens.revokeAll();
  }

  /** How many tokens were issued and not revoked (expired ones included). */
  public int issuedTokenCount() {
    return tokens.issuedCount();
  }

  /**
   * Adds or replaces a user. {@code user} is Lexful's user object; only {@code id} (a uuid) is
   * required, missing fields take defaults (a viewer of no organisation, created now).
   */
  public void putUser(JsonObject user) {
    directory.put(LexfulUsers.complete(user, time.epochMillis()));
  }

  /** The stored user (deleted ones too), or null. */
  public JsonObject user(String id) {
    JsonObject user = directory.get(id);
    return user == null ? null : user.copy();
  }

  /** Sets the user's {@code deleted_at} to now; returns whether it was live. */
  public boolean softDeleteUser(String id) {
    return directory.softDelete(id, LexfulUsers.iso(time.epochMillis()));
  }
}
