package dev.roster.e2e;

import dev.roster.Roster;
import dev.roster.config.ConfigLoader;
import dev.roster.config.RosterOptions;
import dev.roster.sim.clerk.ClerkSimulator;
import dev.roster.sim.issuer.TokenIssuerSimulator;
import dev.roster.sim.issuer.TokenSpec;
import dev.roster.sim.lexful.LexfulSimulator;
import dev.roster.time.ManualTimeSource;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Map;

/**
 * The whole of Roster over real HTTP on loopback: the Clerk and Lexful simulators, a token
 * issuer serving a real JWKS, and Roster itself configured from YAML text, all on port 0, on a
 * hand-moved clock.
 */
public final class RosterHarness implements AutoCloseable {
  public static final String WEBHOOK_SECRET =
      "whsec_cm9zdGVyLWRlbW8td2ViaG9vay1zZWNyZXQtMzJieXRlcyE=";
  public static final String ADMIN_TOKEN = "harness-admin-token-0123456789";

  /** In {@code extraAppYaml}: replaced by the Clerk simulator's base URL. */
  public static final String CLERK_URL = "@CLERK_URL@";

  public final Vertx vertx = Vertx.vertx();
  public final ManualTimeSource time = new ManualTimeSource();
  public final ClerkSimulator clerk;
  public final LexfulSimulator lexful;
  public final TokenIssuerSimulator issuer;
  public final Roster roster;
  public final WebClient client;
  public final ByteArrayOutputStream accessLog = new ByteArrayOutputStream();

  /** Starts everything; {@code extraAppYaml} is appended under {@code apps:}. */
  public RosterHarness(String cacheYaml, String extraAppYaml) {
    this(cacheYaml, extraAppYaml, "");
  }

  /** As above, with {@code serverYaml} (e.g. {@code "trustedProxies: [127.0.0.1]"}) added to
   * the {@code server} block. */
  public RosterHarness(String cacheYaml, String extraAppYaml, String serverYaml) {
    clerk = ClerkSimulator.start(vertx, 0).await();
    lexful = LexfulSimulator.start(vertx, 0, time).await();
    issuer = TokenIssuerSimulator.start(vertx, 0, time).await();
    String yaml = config(cacheYaml, extraAppYaml, serverYaml);
    RosterOptions options = ConfigLoader.parse(yaml, Map.of());
    roster = Roster.start(vertx, options, time, accessLog, 2).await();
    client =
        WebClient.create(
            vertx,
            new WebClientOptions().setFollowRedirects(false),
            new PoolOptions().setHttp1MaxSize(600));
  }

  public RosterHarness() {
    this("", "");
  }

  private String config(String cacheYaml, String extraAppYaml, String serverYaml) {
    String auth =
        "    auth:\n"
            + "      jwksUrl: " + issuer.jwksUrl() + "\n"
            + "      issuer: " + issuer.issuer() + "\n"
            + "      authorizedParties: [" + TokenSpec.DEFAULT_AUTHORIZED_PARTY + "]\n";
    String clerkUpstream =
        "      clerk:\n"
            + "        baseUrl: " + clerk.baseUrl() + "\n"
            + "        secretKey: sk_test_rosterdemo0000000000000000\n"
            // The simulator has no development-instance limit; keep the production budget.
            + "        requestsPerSecond: 90\n"
            + "        timeout: 1s\n";
    String lexfulUpstream =
        "      lexful:\n"
            + "        baseUrl: " + lexful.baseUrl() + "\n"
            + "        accountId: 3c90c3cc-0d44-4b50-8888-8dd25736052a\n"
            + "        apiKeyId: lexful_demo_key\n"
            + "        apiKeySecret: lexful_demo_secret\n"
            + "        timeout: 1s\n";
    String cache = cacheYaml.isEmpty() ? "" : "    cache: " + cacheYaml + "\n";
    return "server: { host: 127.0.0.1, port: 0, shutdownGrace: 2s"
        + (serverYaml.isEmpty() ? "" : ", " + serverYaml) + " }\n"
        + "admin: { host: 127.0.0.1, port: 0, token: " + ADMIN_TOKEN + " }\n"
        + "apps:\n"
        + "  acme:\n" + auth + "    upstreams:\n" + clerkUpstream + cache
        + "    webhooks: { clerkSigningSecret: " + WEBHOOK_SECRET + " }\n"
        + "  globex:\n" + auth + "    upstreams:\n" + lexfulUpstream + cache
        + "  initech:\n    visibility: authenticated\n" + auth + "    upstreams:\n"
        + clerkUpstream + lexfulUpstream + cache
        + "  tight:\n" + auth + "    upstreams:\n" + clerkUpstream
        + "    rateLimit: { perCallerPerSecond: 1, burst: 2 }\n"
        + "    cors: { allowedOrigins: [\"http://localhost:3000\"] }\n"
        // The extra apps may name the Clerk simulator, whose port is only known now.
        + extraAppYaml.replace(CLERK_URL, clerk.baseUrl());
  }

  /** A valid token for {@code subject} in {@code orgId} with {@code role} (null: no org). */
  public String token(String subject, String orgId, String role) {
    TokenSpec spec = TokenSpec.forSubject(subject).lifetime(Duration.ofHours(48));
    if (orgId != null) {
      spec.org(orgId, "slug", role);
    }
    return issuer.issue(spec);
  }

  /** GET on the public port with a bearer token (null: none) and extra headers. */
  public HttpResponse<Buffer> get(String path, String token, String... headers) {
    return send(HttpMethod.GET, roster.publicPort(), path, token, null, headers);
  }

  public HttpResponse<Buffer> send(
      HttpMethod method, int port, String path, String token, Buffer body, String... headers) {
    var request = client.request(method, port, "127.0.0.1", path);
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    MultiMap extra = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i + 1 < headers.length; i += 2) {
      extra.add(headers[i], headers[i + 1]);
    }
    request.putHeaders(extra);
    return (body == null ? request.send() : request.sendBuffer(body)).await();
  }

  /** Requests the upstream simulators have received so far. */
  public int upstreamRequests() {
    return clerk.requestCount() + lexful.requestCount();
  }

  @Override
  public void close() {
    client.close();
    vertx.close().await();
  }
}
