package dev.roster.lookup;

import dev.roster.auth.Caller;
import dev.roster.cache.CacheSpace;
import dev.roster.config.AppOptions;
import dev.roster.config.ConfigLoader;
import dev.roster.metrics.CacheMetrics;
import dev.roster.model.Provider;
import dev.roster.time.ManualTimeSource;
import dev.roster.upstream.DirectoryClient;
import dev.roster.upstream.clerk.ClerkClient;
import dev.roster.upstream.lexful.LexfulClient;
import dev.roster.upstream.testing.DirectChannel;
import dev.roster.upstream.testing.FakeResponse;
import dev.roster.upstream.testing.FakeUpstream;
import dev.roster.upstream.testing.Fixtures;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One app's {@link AppDirectory} over real HTTP: its Clerk and Lexful clients talk to recording
 * {@link FakeUpstream}s on loopback (without the channel's guards, so each lookup's upstream
 * calls are counted exactly), and its cache runs on a hand-moved clock.
 */
final class DirectoryFixture implements AutoCloseable {
  static final String ORG = "org_acme";
  static final String LEXFUL_ORG = "0b6f1c8e-3d0a-4f0e-9a57-6a1d2b3c4d5e";
  static final String ADMIN_ROLE = "org:admin";
  private static final JsonObject CLERK_USER = Fixtures.object("clerk/user-minimal.json");
  private static final JsonObject CLERK_MEMBERSHIP = Fixtures.object("clerk/membership.json");
  private static final JsonObject LEXFUL_USER = Fixtures.object("lexful/user-full.json");

  final Vertx vertx = Vertx.vertx();
  final ManualTimeSource time = new ManualTimeSource();
  final FakeUpstream clerk = FakeUpstream.start(vertx).await();
  final FakeUpstream lexful = FakeUpstream.start(vertx).await();
  final AppOptions app;
  final AppDirectory directory;

  /**
   * @param appYaml extra keys of the app (e.g. {@code visibility: authenticated}), one per line
   * @param providers which upstreams the app has
   */
  DirectoryFixture(String appYaml, Provider... providers) {
    this(appYaml, "", providers);
  }

  /** As above, {@code upstreamKeys} added to each upstream (e.g. {@code requestsPerSecond: 8}). */
  DirectoryFixture(String appYaml, String upstreamKeys, Provider... providers) {
    String yaml = config(appYaml, upstreamKeys.isEmpty() ? "" : ", " + upstreamKeys, providers);
    app = ConfigLoader.parse(yaml, Map.of()).apps().get("acme");
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Map<Provider, DirectoryClient> clients = new EnumMap<>(Provider.class);
    if (app.clerk() != null) {
      clients.put(
          Provider.CLERK,
          new ClerkClient(new DirectChannel(vertx, clerk.baseUrl()), app.clerk()));
    }
    if (app.lexful() != null) {
      clients.put(
          Provider.LEXFUL,
          new LexfulClient(new DirectChannel(vertx, lexful.baseUrl()), app.lexful(), time));
    }
    CacheSpace space = new CacheSpace(app.cache(), time, new CacheMetrics(registry, "acme"));
    directory =
        new AppDirectory(app, clients, space, CallerMissShare.of(app, time, registry));
  }

  private String config(String appYaml, String upstreamKeys, Provider... chosen) {
    List<Provider> providers = List.of(chosen);
    StringBuilder yaml =
        new StringBuilder(
            "apps:\n  acme:\n    auth: { hmacSecret: " + "k".repeat(32) + " }\n    upstreams:\n");
    if (providers.contains(Provider.CLERK)) {
      yaml.append("      clerk: { baseUrl: ").append(clerk.baseUrl())
          .append(", secretKey: sk_test_fixture").append(upstreamKeys).append(" }\n");
    }
    if (providers.contains(Provider.LEXFUL)) {
      yaml.append("      lexful: { baseUrl: ").append(lexful.baseUrl())
          .append(", accountId: 3c90c3cc-0d44-4b50-8888-8dd25736052a, token: lexful_fixture")
          .append(upstreamKeys).append(" }\n");
    }
    for (String line : appYaml.split("\n")) {
      if (!line.isBlank()) {
        yaml.append("    ").append(line).append('\n');
      }
    }
    return yaml.toString();
  }

  static Caller member(String subject) {
    return new Caller(subject, ORG, "org:member", Long.MAX_VALUE);
  }

  static Caller admin(String subject) {
    return new Caller(subject, ORG, ADMIN_ROLE, Long.MAX_VALUE);
  }

  static Caller lexfulMember(String subject) {
    return new Caller(subject, LEXFUL_ORG, "org:member", Long.MAX_VALUE);
  }

  static Caller withoutOrg(String subject) {
    return new Caller(subject, null, null, Long.MAX_VALUE);
  }

  /** A Clerk user (minimal shape) with this id. */
  static JsonObject clerkUser(String id, long createdAt) {
    return CLERK_USER.copy().put("id", id).put("created_at", createdAt);
  }

  /** A Lexful user with this id in the test organisation. */
  static JsonObject lexfulUser(String id) {
    return LEXFUL_USER.copy().put("id", id);
  }

  /** The n-th UUID of a test: stable, distinct, valid. */
  static String uuid(int n) {
    return String.format("00000000-0000-4000-8000-%012d", n);
  }

  /** Clerk's {@code GET /v1/users/{id}} answers this user for every id. */
  void serveClerkUser(JsonObject user) {
    clerk.on(HttpMethod.GET, "/v1/users/" + user.getString("id"), FakeResponse.json(200, user));
  }

  /** Clerk lists these users (member role, admins for ids ending in "admin") in {@link #ORG}. */
  void serveClerkOrg(String... userIds) {
    JsonObject[] users = new JsonObject[userIds.length];
    for (int i = 0; i < userIds.length; i++) {
      users[i] = clerkUser(userIds[i], 1_000 + i);
    }
    serveClerkOrg(users);
  }

  /** Clerk lists these users in {@link #ORG}, as {@link #serveClerkOrg(String...)}. */
  void serveClerkOrg(JsonObject... listed) {
    JsonArray users = new JsonArray();
    JsonArray memberships = new JsonArray();
    for (JsonObject user : listed) {
      String id = user.getString("id");
      users.add(user);
      memberships.add(
          CLERK_MEMBERSHIP.copy()
              .put("role", id.endsWith("admin") ? ADMIN_ROLE : "org:member")
              .put("public_user_data", new JsonObject().put("user_id", id)));
    }
    clerk.on(HttpMethod.GET, "/v1/users", FakeResponse.json(200, users));
    clerk.on(
        HttpMethod.GET,
        "/v1/organizations/" + ORG + "/memberships",
        FakeResponse.json(
            200,
            new JsonObject().put("data", memberships).put("total_count", listed.length)));
  }

  /** Lexful's account lists these users (all in {@link #LEXFUL_ORG}). */
  void serveLexfulAccount(String... userIds) {
    JsonArray items = new JsonArray();
    for (String id : userIds) {
      items.add(lexfulUser(id));
    }
    lexful.on(
        HttpMethod.GET,
        "/v1/users",
        FakeResponse.json(200, new JsonObject().put("items", items).put("total", userIds.length)));
  }

  /** Every request to {@code upstream} matching {@code pathRegex} fails with {@code status}. */
  static void fail(FakeUpstream upstream, String pathRegex, int status) {
    upstream.on(HttpMethod.GET, pathRegex, FakeResponse.status(status));
  }

  static <T> T await(Future<T> future) {
    return future.toCompletionStage().toCompletableFuture().join();
  }

  /** The failure of a future that must fail. */
  static Throwable failureOf(Future<?> future) {
    try {
      future.toCompletionStage().toCompletableFuture().join();
    } catch (java.util.concurrent.CompletionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected a failure, got " + future.result());
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
