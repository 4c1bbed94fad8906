package dev.roster.sim.lexful;

import dev.roster.sim.fault.FaultPlan;
import dev.roster.sim.fault.RecordedRequest;
import dev.roster.sim.fault.RequestLog;
import dev.roster.sim.fault.SimulatorServer;
import dev.roster.time.TimeSource;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A stand-in for Lexful's API (token issue, get and list users of one account), seeded with
 * {@link LexfulSeed}'s account, with injectable faults ({@link #faults()}) and a log of what it
 * was sent. Tokens live 60 minutes on the given {@link TimeSource}. Admin routes under {@code
 * /__sim/} need no token; {@code POST /__sim/tokens/revoke} revokes every issued token.
 */
public final class LexfulSimulator {
  private final LexfulDirectory directory;
  private final LexfulTokens tokens;
  private final FaultPlan faults;
  private final RequestLog log;
  private final TimeSource time;
  private final SimulatorServer server;

  private LexfulSimulator(LexfulDirectory directory, LexfulTokens tokens, FaultPlan faults,
      RequestLog log, TimeSource time, SimulatorServer server) {
    this.directory = directory;
    this.tokens = tokens;
    this.faults = faults;
    this.log = log;
    this.time = time;
    this.server = server;
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
