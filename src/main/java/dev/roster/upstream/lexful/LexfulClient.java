package dev.roster.upstream.lexful;


import dev.roster.config.UpstreamOptions;
import dev.roster.model.Member;
import dev.roster.model.Provider;
import dev.roster.model.User;
import dev.roster.time.TimeSource;
import dev.roster.upstream.DirectoryClient;
import dev.roster.upstream.UpstreamChannel;
import dev.roster.upstream.UpstreamRequest;
import dev.roster.upstream.UpstreamResponse;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@link DirectoryClient} for Lexful's API. Every request carries the bearer token and the
 * account id and goes through the given guarded {@link UpstreamChannel}; a 401 renews the token
 * once and retries the call once. Members of an organisation are the account's users whose
 * organisation scopes cover it ({@link LexfulOrgScopePolicy}).
 */
public final class LexfulClient implements DirectoryClient {
  /** Lexful's largest page of {@code GET /v1/users}. */
  static final int PAGE_SIZE = 1000;

  private final UpstreamChannel channel;
  private final String accountId;
  private final LexfulTokenSource tokens;

  public LexfulClient(UpstreamChannel channel, UpstreamOptions options, TimeSource time) {
    this.channel = channel;
    this.accountId = options.accountId();
    this.tokens = new LexfulTokenSource(channel, options, time);
  }

  @Override
  public Provider provider() {
    return Provider.LEXFUL;
  }

  /** {@code GET /v1/users/{id}}; a 404 or a soft-deleted user is empty. */
  @Override
  public Future<Optional<User>> fetchUser(String id) {
    return call(
        "/v1/users/" + encode(id),
        "GET /v1/users/{id}",
        r -> {
          JsonObject user = LexfulWire.JSON.object(r, "user");
          return LexfulUserMapper.isDeleted(user)
              ? Optional.empty()
              : Optional.of(LexfulUserMapper.toUser(user));
        },
        Optional::empty);
  }

  /** Every page of {@code GET /v1/users}, page 0 first, the rest in parallel, then filtered. */
  @Override
  public Future<List<Member>> fetchMembers(String orgId) {
    return usersPage(0)
        .compose(
            first -> {
              List<Future<UsersPage>> pages = new ArrayList<>();
              pages.add(Future.succeededFuture(first));
              for (long offset = PAGE_SIZE; offset < first.total(); offset += PAGE_SIZE) {
                pages.add(usersPage(offset));
              }
              return Future.all(pages).map(done -> members(orgId, pages));
            });
  }

  /** One {@code GET /v1/users/{id}} per distinct id, in parallel; absent ones are left out. */
  @Override
  public Future<List<User>> fetchUsers(List<String> ids) {
    List<Future<Optional<User>>> lookups =
        new LinkedHashSet<>(ids).stream().map(this::fetchUser).toList();
    return Future.all(lookups)
        .map(done -> lookups.stream().flatMap(f -> f.result().stream()).toList());
  }

  private static List<Member> members(String orgId, List<Future<UsersPage>> pages) {
    Map<String, Member> members = new LinkedHashMap<>();
    for (Future<UsersPage> page : pages) {
      JsonArray items = page.result().items();
      for (int i = 0; i < items.size(); i++) {
        JsonObject item = LexfulWire.requiredObject(items.getValue(i), "user list item");
        String id = LexfulWire.JSON.requiredString(item, "id", "user list item");
        if (!members.containsKey(id)) {
          LexfulOrgScopePolicy.toMember(item, orgId).ifPresent(m -> members.put(id, m));
        }
      }
    }
    return List.copyOf(members.values());
  }

  private record UsersPage(JsonArray items, long total) {}

  private Future<UsersPage> usersPage(long offset) {
    return call(
        "/v1/users?limit=" + PAGE_SIZE + "&offset=" + offset,
        "GET /v1/users",
        r -> {
          JsonObject body = LexfulWire.JSON.object(r, "user list");
          return new UsersPage(
              LexfulWire.requiredArray(body, "items", "user list"),
              LexfulWire.requiredCount(body, "total", "user list"));
        },
        () -> {
          throw LexfulWire.JSON.failure(404, "GET /v1/users");
        });
  }

  /**
   * One call with the current token; on a 401, one retry with a renewed token. A configured
   * token cannot be renewed, so its 401 fails inside the channel, which names the refused
   * credentials.
   */
  private <T> Future<T> call(
      String pathAndQuery,
      String name,
      Function<UpstreamResponse, T> ok,
      Supplier<T> notFound) {
    if (!tokens.renewable()) {
      return tokens.token().compose(token -> channel.exchange(
          request(pathAndQuery, token), LexfulWire.JSON.decoder(name, ok, notFound)));
    }
    return tokens
        .token()
        .compose(
            token ->
                channel
                    .exchange(
                        request(pathAndQuery, token),
                        LexfulResponses.firstAttempt(name, ok, notFound))
                    .compose(
                        attempt ->
                            attempt.unauthorized()
                                ? retry(pathAndQuery, token, name, ok, notFound)
                                : Future.succeededFuture(attempt.value())));
  }

  private <T> Future<T> retry(
      String pathAndQuery,
      String rejected,
      String name,
      Function<UpstreamResponse, T> ok,
      Supplier<T> notFound) {
    return tokens
        .renewAfterRejection(rejected)
        .compose(
            token ->
                channel.exchange(
                    request(pathAndQuery, token), LexfulWire.JSON.decoder(name, ok, notFound)));
  }

  private UpstreamRequest request(String pathAndQuery, String token) {
    MultiMap headers =
        MultiMap.caseInsensitiveMultiMap()
            .add(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .add("X-Account-ID", accountId)
            .add(HttpHeaders.ACCEPT, "application/json");
    return UpstreamRequest.get(pathAndQuery, headers);
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** A Lexful user carries its organisation scopes: one user fetch decides membership. */
  @Override
  public boolean userShowsMembership() {
    return true;
  }

  @Override
  public boolean isMember(User user, String orgId) {
    Object scopes = user.providerAttributes().getValue("organizationScopes");
    return LexfulOrgScopePolicy.covers(scopes, orgId);
  }
}
