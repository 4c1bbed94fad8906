package dev.roster.cluster;

import dev.roster.testing.Polling;
import dev.roster.sim.clerk.ClerkSeed;
import dev.roster.sim.clerk.ClerkSimulator;
import dev.roster.sim.issuer.TokenIssuerSimulator;
import dev.roster.sim.issuer.TokenSpec;
import dev.roster.webhook.SvixTestSigner;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A cluster on one machine, all real processes on loopback: one {@code redis-server}, N Roster
 * JVMs sharing a cluster block, and in this JVM the Clerk simulator they all call (its request
 * log counts upstream calls) and the token issuer whose JWKS they all trust. App {@code acme}
 * has {@code visibility: authenticated}, so a user read needs only a token.
 */
final class ClusterFixture implements AutoCloseable {
  static final String WEBHOOK_SECRET = "whsec_cm9zdGVyLWRlbW8td2ViaG9vay1zZWNyZXQtMzJieXRlcyE=";
  static final String ADMIN_TOKEN = "cluster-admin-token-0123456789";

  final Vertx vertx = Vertx.vertx();
  final ClerkSimulator clerk;
  final TokenIssuerSimulator issuer;
  final RedisServer redis;
  final List<RosterProcess> replicas = new ArrayList<>();
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String token;
  private final java.util.Map<String, String> tokens =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final String upstreamExtra;
  private final String clusterExtra;
  private final String appExtra;
  /** Between the last replica and Redis, when asked for; else null. */
  RedisRelay relay;

  /**
   * @param upstreamExtra extra keys of the Clerk upstream, e.g. {@code "requestsPerSecond: 5"}
   * @param clusterExtra extra keys of the cluster block; null: no cluster block at all (each
   *     replica on its own, the baseline)
   * @param redisUp whether Redis runs at start (else its port is free until {@code launch()})
   */
  ClusterFixture(int count, String upstreamExtra, String clusterExtra, boolean redisUp) {
    this(count, upstreamExtra, clusterExtra, redisUp, false);
  }

  /** As above; with {@code relayLast} the last replica reaches Redis through {@link #relay}. */
  ClusterFixture(int count, String upstreamExtra, String clusterExtra, boolean redisUp,
      boolean relayLast) {
    this(count, upstreamExtra, clusterExtra, redisUp, relayLast, "");
  }

  /** As above; {@code appExtra} lines are added to app {@code acme} (indented for you). */
  ClusterFixture(int count, String upstreamExtra, String clusterExtra, boolean redisUp,
      boolean relayLast, String appExtra) {
    this.appExtra = appExtra.isEmpty() ? "" : "    " + appExtra + "\n";
    this.redis = redisUp ? RedisServer.start() : RedisServer.notStarted();
    this.clerk = ClerkSimulator.start(vertx, 0).await();
    this.issuer = TokenIssuerSimulator.start(vertx, 0).await();
    this.upstreamExtra = upstreamExtra;
    this.clusterExtra = clusterExtra;
    this.token = issuer.issue(TokenSpec.forSubject(ClerkSeed.ACME_ADMIN_ID)
        .lifetime(Duration.ofHours(48)));
    try {
      for (int i = 0; i < count; i++) {
        String url = redis.url();
        if (relayLast && i == count - 1) {
          relay = new RedisRelay(vertx, redis.port());
          url = relay.url();
        }
        replicas.add(RosterProcess.start(yaml("pod-" + i, url)));
      }
      for (int i = 0; i < count; i++) {
        int r = i;
        // Listening comes before the first JWKS fetch has surely succeeded on a loaded machine.
        Polling.until(Duration.ofSeconds(30), "replica " + r + " ready", () -> ready(r) == 200);
      }
    } catch (RuntimeException | AssertionError startFailed) {
      // No test will close a fixture that never finished starting: stop what did start.
      close();
      throw startFailed;
    }
  }

  String yaml(String podId, String redisUrl) {
    String upstream = upstreamExtra.isEmpty() ? "" : "        " + upstreamExtra + "\n";
    String cluster = clusterExtra == null
        ? ""
        : "cluster: { "
            + (clusterExtra.contains("sentinels:") ? "" : "redisUrl: \"" + redisUrl + "\", ")
            + "name: test, podId: " + podId
            + (clusterExtra.isEmpty() ? "" : ", " + clusterExtra) + " }\n";
    return "server: { host: 127.0.0.1, port: 0, shutdownGrace: 1s }\n"
        + "admin: { host: 127.0.0.1, port: 0, token: " + ADMIN_TOKEN + " }\n"
        + cluster
        + "apps:\n"
        + "  acme:\n"
        + "    visibility: authenticated\n"
        + "    auth:\n"
        + "      jwksUrl: " + issuer.jwksUrl() + "\n"
        + "      issuer: " + issuer.issuer() + "\n"
        + "      authorizedParties: [" + TokenSpec.DEFAULT_AUTHORIZED_PARTY + "]\n"
        + "    upstreams:\n"
        + "      clerk:\n"
        + "        baseUrl: " + clerk.baseUrl() + "\n"
        + "        secretKey: " + ClerkSeed.SECRET_KEY + "\n"
        + "        timeout: 2s\n"
        + upstream
        // Within the replica's -Xmx192m: Roster refuses caches that do not fit in its heap.
        + "    cache: { maxBytes: 32MB }\n"
        + "    webhooks: { clerkSigningSecret: " + WEBHOOK_SECRET + " }\n"
        + appExtra;
  }

  RosterProcess replica(int i) {
    return replicas.get(i);
  }

  /**
   * GET {@code /acme/v1/users/{id}} on replica {@code i}, as user {@code id} reading itself: each
   * cold key is one caller's miss, as in a storm of many callers, so no caller runs past its
   * share of cache misses (lookup.CallerMissShare).
   */
  HttpResponse<String> user(int i, String id) {
    return send(HttpRequest.newBuilder(publicUri(i, "/acme/v1/users/" + id))
        .header("Authorization", "Bearer " + tokenOf(id)).GET().build());
  }

  private String tokenOf(String subject) {
    return tokens.computeIfAbsent(subject,
        s -> issuer.issue(TokenSpec.forSubject(s).lifetime(Duration.ofHours(48))));
  }

  CompletableFuture<HttpResponse<String>> userAsync(int i, String id) {
    return http.sendAsync(HttpRequest.newBuilder(publicUri(i, "/acme/v1/users/" + id))
            .header("Authorization", "Bearer " + tokenOf(id)).timeout(Duration.ofSeconds(20)).GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Posts a Svix-signed Clerk event to replica {@code i}; returns the status. */
  int webhook(int i, String type, JsonObject data) {
    byte[] body = new JsonObject()
        .put("data", data)
        .put("object", "event")
        .put("type", type)
        .put("timestamp", System.currentTimeMillis())
        .put("instance_id", "ins_cluster_test")
        .toBuffer().getBytes();
    String id = "msg_" + UUID.randomUUID();
    long ts = System.currentTimeMillis() / 1000;
    HttpRequest request = HttpRequest.newBuilder(publicUri(i, "/acme/webhooks/clerk"))
        .header("svix-id", id)
        .header("svix-timestamp", String.valueOf(ts))
        .header("svix-signature", SvixTestSigner.v1(WEBHOOK_SECRET, id, ts, body))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    return send(request).statusCode();
  }

  /** {@code DELETE /cache/...} on replica {@code i}'s admin port; returns the status. */
  int purge(int i, String path) {
    return send(HttpRequest.newBuilder(adminUri(i, path))
        .header("Authorization", "Bearer " + ADMIN_TOKEN).DELETE().build()).statusCode();
  }

  /** The value of an untagged (or first) sample of {@code name} on replica {@code i}. */
  double metric(int i, String name) {
    return metric(i, name, "");
  }

  /** The sum of the samples of {@code name} whose labels contain {@code labelPart}. */
  double metric(int i, String name, String labelPart) {
    String text = send(HttpRequest.newBuilder(adminUri(i, "/metrics")).GET().build()).body();
    double sum = 0;
    for (String line : text.split("\n")) {
      if (line.startsWith(name + " ") || line.startsWith(name + "{") && line.contains(labelPart)) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  int ready(int i) {
    return send(HttpRequest.newBuilder(adminUri(i, "/health/ready")).GET().build()).statusCode();
  }

  /** Upstream calls to {@code GET /v1/users/{id}}. */
  int userFetches(String id) {
    return clerk.requestsTo("/v1/users/" + id).size();
  }

  String token() {
    return token;
  }

  URI publicUri(int i, String path) {
    return URI.create("http://127.0.0.1:" + replicas.get(i).publicPort() + path);
  }

  URI adminUri(int i, String path) {
    return URI.create("http://127.0.0.1:" + replicas.get(i).adminPort() + path);
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits until every replica reports {@code roster_cluster_connected 1}. */
  void awaitConnected(Duration deadline) {
    for (int i = 0; i < replicas.size(); i++) {
      int r = i;
      try {
        Polling.until(deadline, "replica " + r + " connected",
            () -> metric(r, "roster_cluster_connected") == 1.0);
      } catch (AssertionError e) {
        throw new AssertionError(e.getMessage() + "; stderr: " + replicas.get(r).stderr(), e);
      }
    }
  }

  @Override
  public void close() {
    replicas.forEach(RosterProcess::close);
    if (relay != null) {
      relay.close();
    }
    redis.close();
    vertx.close().await();
  }
}
