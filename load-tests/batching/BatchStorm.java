import dev.roster.Roster;
import dev.roster.config.ConfigLoader;
import dev.roster.config.RosterOptions;
import dev.roster.sim.clerk.ClerkSimulator;
import dev.roster.sim.fault.Fault;
import dev.roster.sim.fault.RecordedRequest;
import dev.roster.sim.issuer.TokenIssuerSimulator;
import dev.roster.sim.issuer.TokenSpec;
import dev.roster.time.TimeSource;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cold-storm benchmark of cross-key batching (issue 10), in one JVM and one run: the Clerk
 * simulator with a fixed latency, a token issuer, and one Roster with two otherwise identical
 * Clerk apps, "on" (batchWindow 1ms, the default) and "off" (batchWindow 0ms), each with its
 * own budget of 90 requests per second. Each storm asks for N distinct users nobody asked
 * before, spread evenly over D seconds (open loop: requests go out on schedule whatever the
 * answers), and counts upstream calls, statuses, wrong answers and latency from the scheduled
 * send. Then lone misses, one at a time, alternating between the two apps. Prints markdown.
 *
 * <p>Usage: java -cp target/roster.jar:load-tests/target/batching BatchStorm [users] [seconds]
 * [latencyMs] [rounds] [loneMisses]
 */
public final class BatchStorm {
  public static void main(String[] args) throws Exception {
    int users = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int latency = args.length > 2 ? Integer.parseInt(args[2]) : 50;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    int lone = args.length > 4 ? Integer.parseInt(args[4]) : 300;
    Vertx vertx = Vertx.vertx();
    try {
      new BatchStorm(vertx).run(users, seconds, latency, rounds, lone);
    } finally {
      vertx.close().await();
    }
  }

  private static final String ADMIN_TOKEN = "bench-admin-token";

  private final Vertx vertx;
  private ClerkSimulator clerk;
  private Roster roster;
  private HttpClientAgent client;
  private String token;
  private int nextUser;

  private BatchStorm(Vertx vertx) {
    this.vertx = vertx;
  }

  private void run(int users, int seconds, int latency, int rounds, int lone) {
    clerk = ClerkSimulator.start(vertx, 0).await();
    TokenIssuerSimulator issuer = TokenIssuerSimulator.start(vertx, 0).await();
    token = issuer.issue(TokenSpec.forSubject("user_stormcaller").lifetime(Duration.ofHours(2)));
    // The storms reuse the same users (each app's cache is purged first), so the simulator's
    // directory stays small: its user_id filter scans every user it holds.
    for (int i = 0; i < users + lone * 2 + 10; i++) {
      clerk.putUser(new JsonObject().put("id", id(i)).put("first_name", "Storm" + i));
    }
    String app = "    visibility: authenticated\n"
        + "    auth: { jwksUrl: " + issuer.jwksUrl() + ", issuer: " + issuer.issuer() + " }\n"
        + "    upstreams:\n      clerk:\n        baseUrl: " + clerk.baseUrl() + "\n"
        + "        secretKey: sk_test_rosterdemo0000000000000000\n"
        + "        requestsPerSecond: 90\n";
    String yaml = "server: { host: 127.0.0.1, port: 0 }\n"
        + "admin: { host: 127.0.0.1, port: 0, token: " + ADMIN_TOKEN + " }\n"
        + "apps:\n  on:\n" + app + "        batchWindow: 1ms\n"
        + "  off:\n" + app + "        batchWindow: 0ms\n";
    RosterOptions options = ConfigLoader.parse(yaml, Map.of());
    roster = Roster.start(vertx, options, TimeSource.system(), OutputStream.nullOutputStream(), 2)
        .await();
    newClient();
    warmUp(users, seconds);

    System.out.printf("%n### Cold storm: %d distinct users over %d s, Clerk latency %d ms, "
        + "budget 90/s per app%n%n", users, seconds, latency);
    System.out.println("| round | batching | upstream calls | 200 | 503 | other | wrong answers "
        + "| p50 ms | p99 ms | max ms | p50 ms of 200s | p99 ms of 200s |");
    System.out.println(
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    clerk.faults().add(Fault.latency(latency));
    for (int round = 1; round <= rounds; round++) {
      // Alternate which goes first, so neither always meets a warmer machine.
      List<String> order = round % 2 == 1 ? List.of("on", "off") : List.of("off", "on");
      for (String app2 : order) {
        storm(round, app2, users, seconds, true);
        // Let the budget refill and the previous storm's stragglers end.
        vertx.timer(3000).await();
      }
    }
    clerk.faults().clear();

    System.out.printf("%n### Lone misses: %d per app, one at a time, alternating, Clerk latency 0"
        + "%n%n", lone);
    nextUser = users;
    newClient();
    lone(lone);
  }

  private void warmUp(int users, int seconds) {
    // JIT, connections, the batching and the refusing paths: one unmeasured storm per app.
    for (String app : List.of("on", "off")) {
      storm(0, app, users / 2, seconds, false);
      vertx.timer(3000).await();
    }
  }

  private void storm(int round, String app, int users, int seconds, boolean report) {
    newClient();
    purge(app);
    int before = clerk.requestCount();
    long start = System.nanoTime();
    long startMillis = System.currentTimeMillis();
    long spacing = seconds * 1_000_000_000L / users;
    AtomicInteger sent = new AtomicInteger();
    Promise<Void> allSent = Promise.promise();
    List<String> ids = new ArrayList<>(users);
    for (int i = 0; i < users; i++) {
      ids.add(id(i));
    }
    List<Future<Result>> slots = new ArrayList<>();
    for (int i = 0; i < users; i++) {
      slots.add(null);
    }
    // One periodic tick per millisecond sends every request whose time has come.
    long timer = vertx.setPeriodic(1, t -> {
      long due = (System.nanoTime() - start) / spacing + 1;
      while (sent.get() < Math.min(due, users)) {
        int i = sent.getAndIncrement();
        long scheduled = start + i * spacing;
        slots.set(i, get(app, ids.get(i)).map(r -> new Result(
            r.status(), r.id(), (System.nanoTime() - scheduled) / 1_000_000.0)));
      }
      if (sent.get() >= users) {
        allSent.tryComplete();
      }
    });
    allSent.future().await();
    vertx.cancelTimer(timer);
    List<Future<Result>> results = slots;
    Future.join(new ArrayList<>(results)).otherwiseEmpty().await();
    int calls = clerk.requestCount() - before;
    int ok = 0, unavailable = 0, other = 0, wrong = 0;
    double[] latencies = new double[users];
    List<Double> okLatencies = new ArrayList<>();
    for (int i = 0; i < users; i++) {
      Future<Result> f = results.get(i);
      if (f.failed()) {
        other++;
        latencies[i] = Double.MAX_VALUE;
        continue;
      }
      Result r = f.result();
      latencies[i] = r.millis();
      if (r.status() == 200) {
        ok++;
        okLatencies.add(r.millis());
        if (!ids.get(i).equals(r.id())) {
          wrong++;
        }
      } else if (r.status() == 503) {
        unavailable++;
      } else {
        other++;
      }
    }
    Arrays.sort(latencies);
    if (!report) {
      return;
    }
    if (System.getenv("STORM_METRICS") != null) {
      System.err.println(upstreamOutcomes(app));
      // When each upstream call reached the simulator, and how many ids it asked (0: one user).
      StringBuilder arrivals = new StringBuilder("sim arrivals (ms after start/ids):");
      List<RecordedRequest> log = clerk.requests();
      for (RecordedRequest r : log.subList(Math.max(0, log.size() - calls), log.size())) {
        arrivals.append(' ').append(r.receivedAtMillis() - startMillis).append('/')
            .append(r.params("user_id").size());
      }
      System.err.println(arrivals);
    }
    double[] okSorted = okLatencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    System.out.printf("| %d | %s | %d | %d | %d | %d | %d | %.1f | %.1f | %.1f | %s | %s |%n",
        round, app, calls, ok, unavailable, other, wrong, pct(latencies, 50),
        pct(latencies, 99), latencies[users - 1],
        okSorted.length == 0 ? "-" : String.format("%.1f", pct(okSorted, 50)),
        okSorted.length == 0 ? "-" : String.format("%.1f", pct(okSorted, 99)));
  }

  private void lone(int count) {
    double[][] millis = new double[2][count];
    List<String> apps = List.of("on", "off");
    for (int i = 0; i < count; i++) {
      for (int a = 0; a < 2; a++) {
        String app = apps.get((i + a) % 2);
        // Paced below the budget: one miss per app every 25 ms (40 per second).
        vertx.timer(25).await();
        long started = System.nanoTime();
        Response r = get(app, id(nextUser++)).otherwise(new Response(-1, null)).await();
        if (r.status() != 200) {
          System.err.println("lone miss of " + app + " answered " + r.status());
        }
        millis[apps.indexOf(app)][i] = (System.nanoTime() - started) / 1_000_000.0;
      }
    }
    System.out.println("| batching | p50 ms | p90 ms | p99 ms |");
    System.out.println("| --- | ---: | ---: | ---: |");
    for (int a = 0; a < 2; a++) {
      Arrays.sort(millis[a]);
      System.out.printf("| %s | %.2f | %.2f | %.2f |%n", apps.get(a), pct(millis[a], 50),
          pct(millis[a], 90), pct(millis[a], 99));
    }
    System.out.printf("%nAdded by batching at p50: %.2f ms%n",
        pct(millis[0], 50) - pct(millis[1], 50));
  }

  /** The app's upstream outcome counters from Roster's own /metrics, for diagnosis. */
  private String upstreamOutcomes(String app) {
    RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET)
        .setHost("127.0.0.1").setPort(roster.adminPort()).setURI("/metrics");
    String text = client.request(request).compose(r -> r.send()).compose(r -> r.body()).await()
        .toString();
    StringBuilder lines = new StringBuilder();
    for (String line : text.split("\n")) {
      if (line.contains("app=\"" + app + "\"") && (line.startsWith("roster_upstream_requests")
          || line.startsWith("roster_upstream_budget_lane")
          || line.startsWith("roster_upstream_latency_seconds_count")
          || line.startsWith("roster_upstream_latency_seconds_sum")
          || line.startsWith("roster_upstream_latency_seconds_max"))) {
        lines.append(line).append('\n');
      }
    }
    return lines.toString();
  }

  /**
   * A fresh client per phase: a pool left over from a storm (idle connections the server closed)
   * once left a request of the next phase waiting for a connection forever.
   */
  private void newClient() {
    if (client != null) {
      client.close().await();
    }
    client = vertx.createHttpClient(
        new HttpClientOptions().setKeepAlive(true).setConnectTimeout(5_000),
        new PoolOptions().setHttp1MaxSize(1000));
  }

  /** Empties the app's cache (an admin purge), so the next storm is cold again. */
  private void purge(String app) {
    RequestOptions request = new RequestOptions().setMethod(HttpMethod.DELETE)
        .setHost("127.0.0.1").setPort(roster.adminPort()).setURI("/cache/" + app)
        .putHeader("Authorization", "Bearer " + ADMIN_TOKEN);
    int status = client.request(request).compose(r -> r.send()).await().statusCode();
    if (status >= 300) {
      throw new IllegalStateException("purge of " + app + " answered " + status);
    }
  }

  private Future<Response> get(String app, String userId) {
    RequestOptions request = new RequestOptions()
        .setMethod(HttpMethod.GET)
        .setHost("127.0.0.1")
        .setPort(roster.publicPort())
        .setURI("/" + app + "/v1/users/" + userId)
        .putHeader("Authorization", "Bearer " + token)
        // A bound on every answer: a request that gets none counts as "other", never hangs.
        .setTimeout(15_000);
    return client.request(request)
        .compose(r -> r.send())
        .compose(r -> r.body().map(body -> new Response(r.statusCode(),
            r.statusCode() == 200 ? body.toJsonObject().getString("id") : null)));
  }

  private static double pct(double[] sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static String id(int n) {
    return String.format("user_storm%08d", n);
  }

  private record Response(int status, String id) {}

  private record Result(int status, String id, double millis) {}
}
