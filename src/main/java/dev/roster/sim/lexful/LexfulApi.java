package dev.roster.sim.lexful;

import dev.roster.sim.fault.RecordedRequest;
import dev.roster.sim.fault.SimResponse;
import dev.roster.sim.fault.SimulatedApi;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Lexful's token and user operations over a {@link LexfulDirectory}. */
final class LexfulApi implements SimulatedApi {
  private static final Pattern UUID = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final String TOKEN_PATH = "/v1/auth/token";
  private static final String USERS_PATH = "/v1/users";

  private final LexfulDirectory directory;
  private final LexfulTokens tokens;

  LexfulApi(LexfulDirectory directory, LexfulTokens tokens) {
    this.directory = directory;
    this.tokens = tokens;
  }

  static boolean isUuid(String value) {
    return UUID.matcher(value).matches();
  }

  @Override
  public SimResponse handle(RecordedRequest request, Buffer body) {
    String path = request.path();
    boolean get = "GET".equals(request.method());
    if (path.equals(TOKEN_PATH)) {
      return "POST".equals(request.method()) ? issueToken(request, body) : methodNotAllowed();
    }
    boolean users = path.equals(USERS_PATH);
    boolean oneUser = path.startsWith(USERS_PATH + "/") && path.indexOf('/', 10) < 0;
    if (!users && !oneUser) {
      return LexfulErrors.notFound("No route for " + request.method() + " " + path);
    }
    if (!get) {
      return methodNotAllowed();
    }
    SimResponse refused = authenticate(request);
    if (refused != null) {
      return refused;
    }
    try {
      return users ? listUsers(request) : getUser(path.substring(USERS_PATH.length() + 1), request);
    } catch (LexfulErrors.BadParam e) {
      return LexfulErrors.badRequest(e.getMessage());
    }
  }

  @Override
  public SimResponse errorFor(int status) {
    return LexfulErrors.forStatus(status);
  }

  @Override
  public SimResponse handleAdmin(RecordedRequest request, Buffer body) {
    if ("POST".equals(request.method()) && "/__sim/tokens/revoke".equals(request.path())) {
      tokens.revokeAll();
      return new SimResponse(204, Map.of(), Buffer.buffer());
    }
    return null;
  }

  private SimResponse authenticate(RecordedRequest request) {
    String authorization = request.header("authorization");
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return LexfulErrors.unauthorized("Send Authorization: Bearer <token>.");
    }
    if (!tokens.accepts(authorization.substring("Bearer ".length()))) {
      return LexfulErrors.unauthorized("The token is invalid or expired.");
    }
    String account = request.header("x-account-id");
    if (account == null) {
      return LexfulErrors.unauthorized("Send X-Account-ID: <account id>.");
    }
    if (!LexfulSeed.ACCOUNT_ID.equals(account)) {
      return LexfulErrors.forbidden("The token does not grant access to this account.");
    }
    return null;
  }

  private SimResponse issueToken(RecordedRequest request, Buffer body) {
    JsonObject credentials;
    try {
      credentials = body.toJsonObject();
    } catch (RuntimeException e) {
      return LexfulErrors.badRequest("The body must be {\"id\": ..., \"secret\": ...}.");
    }
    if (credentials == null || !(credentials.getValue("id") instanceof String)
        || !(credentials.getValue("secret") instanceof String)) {
      return LexfulErrors.badRequest("The body must be {\"id\": ..., \"secret\": ...}.");
    }
    boolean valid = LexfulSeed.ACCOUNT_ID.equals(request.header("x-account-id"))
        && LexfulSeed.API_KEY_ID.equals(credentials.getString("id"))
        && LexfulSeed.API_KEY_SECRET.equals(credentials.getString("secret"));
    if (!valid) {
      return LexfulErrors.unauthorized("The API key or account id is not valid.");
    }
    return SimResponse.json(200, new JsonObject()
        .put("token", tokens.issue())
        .put("expires_in", LexfulTokens.LIFETIME_SECONDS));
  }

  private SimResponse getUser(String id, RecordedRequest request) {
    if (!isUuid(id)) {
      return LexfulErrors.badRequest("id must be a uuid");
    }
    boolean includeDeleted = LexfulListParams.bool(request, "include_deleted");
    boolean includeSystem = LexfulListParams.bool(request, "include_system");
    JsonObject user = directory.get(id);
    if (user == null
        || (!includeDeleted && LexfulUsers.isDeleted(user))
        || (!includeSystem && LexfulUsers.isSystem(user))) {
      return LexfulErrors.notFound("No user with this id.");
    }
    return SimResponse.json(200, user);
  }

  private SimResponse listUsers(RecordedRequest request) {
    LexfulListParams params = LexfulListParams.parse(request);
    List<JsonObject> all = directory.find(params::accepts, params.order());
    return SimResponse.json(200, new JsonObject()
        .put("items", new JsonArray(params.page(all)))
        .put("total", all.size())
        .put("limit", params.limit())
        .put("offset", params.offset()));
  }

  private static SimResponse methodNotAllowed() {
    return LexfulErrors.of(405, "METHOD_NOT_ALLOWED", "Method not allowed.",
        "This route does not accept this method.");
  }
}
