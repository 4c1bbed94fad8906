package dev.roster.cluster;

import dev.roster.testing.Polling;
import dev.roster.sim.clerk.ClerkSeed;
import dev.roster.sim.fault.Fault;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cluster benchmark (docs/benchmarks.md, "Cluster"): real processes as in the tests.
 * Prints a Markdown block. Not a test: it never gates the build. Run with
 * {@code load-tests/cluster-bench.sh}.
 */
public final class ClusterBench {
  private static final String NO_LIMIT = "rateLimit: { perCallerPerSecond: 1000000, burst: 1000000 }";

  private ClusterBench() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int wrkSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    if (args.length > 2 && args[2].equals("storm")) {
      try (ClusterFixture cluster = new ClusterFixture(3, "requestsPerSecond: 20", "", true,
          false, NO_LIMIT)) {
        cluster.awaitConnected(Duration.ofSeconds(30));
        System.out.println(coldStorm(cluster, "cluster"));
      }
      return;
    }
    StringBuilder out = new StringBuilder();
    out.append("- Machine: ").append(Runtime.getRuntime().availableProcessors())
        .append(" CPUs, load average at start ").append(loadAverage()).append('\n');
    try (ClusterFixture cluster = new ClusterFixture(3, "requestsPerSecond: 20", "", true,
        false, NO_LIMIT)) {
      cluster.awaitConnected(Duration.ofSeconds(30));
      out.append(invalidation(cluster, events));
      out.append(coldKeys(cluster, "cluster"));
      out.append(coldStorm(cluster, "cluster"));
    }
    try (ClusterFixture alone = new ClusterFixture(3, "requestsPerSecond: 20", null, true,
        false, NO_LIMIT)) {
      out.append(coldKeys(alone, "no cluster block (baseline)"));
      out.append(coldStorm(alone, "no cluster block (baseline)"));
    }
    out.append(hitPath(wrkSeconds));
    System.out.println(out);
  }

  /** user.updated webhooks to replica 0; time until replicas 1 and 2 both show the change. */
  private static String invalidation(ClusterFixture cluster, int events) throws Exception {
    String id = ClerkSeed.NO_LAST_NAME_USER_ID;
    for (int i = 0; i < 3; i++) {
      cluster.user(i, id);
    }
    List<Long> fromAnswer = new ArrayList<>();
    List<Long> fromSend = new ArrayList<>();
    for (int n = 0; n < events + 20; n++) {
      String name = "Name" + n;
      JsonObject changed = cluster.clerk.user(id).put("first_name", name)
          .put("updated_at", System.currentTimeMillis());
      long sent = System.nanoTime();
      cluster.webhook(0, "user.updated", changed);
      long answered = System.nanoTime();
      List<CompletableFuture<Long>> seen = new ArrayList<>();
      for (int r = 1; r < 3; r++) {
        int replica = r;
        seen.add(CompletableFuture.supplyAsync(() -> {
          Polling.until(Duration.ofSeconds(5), "visible", () -> cluster.user(replica, id).body()
              .contains("\"firstName\":\"" + name + "\""));
          return System.nanoTime();
        }));
      }
      long visible = Math.max(seen.get(0).join(), seen.get(1).join());
      if (n >= 20) {
        fromAnswer.add((visible - answered) / 1000);
        fromSend.add((visible - sent) / 1000);
      }
    }
    return "\n**Invalidation latency**, " + events + " `user.updated` webhooks to replica 0 "
        + "(after 20 warm-up), until both other replicas answer the new name (each polled by "
        + "GET in a loop, so the figures include one GET round trip):\n\n"
        + "| measured from | p50 | p99 | max |\n|---|---|---|---|\n"
        + row("the 204 of the webhook", fromAnswer)
        + row("sending the webhook", fromSend);
  }

  /** 20 cold keys, each asked 20 times at once on each of the 3 replicas. */
  private static String coldKeys(ClusterFixture cluster, String label) {
    String[] ids = {ClerkSeed.ACME_ADMIN_ID, ClerkSeed.ACME_MEMBER_ID, ClerkSeed.BANNED_USER_ID,
        ClerkSeed.LOCKED_USER_ID, ClerkSeed.PHONE_ONLY_USER_ID, ClerkSeed.NO_ORG_USER_ID,
        ClerkSeed.EMPTY_ORG_ADMIN_ID};
    cluster.clerk.faults().add(Fault.latency(100));
    int calls = 0;
    int keys = 0;
    try {
      for (String id : ids) {
        int before = cluster.userFetches(id);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
          for (int r = 0; r < 3; r++) {
            answers.add(cluster.userAsync(r, id));
          }
        }
        answers.forEach(CompletableFuture::join);
        calls += cluster.userFetches(id) - before;
        keys++;
      }
    } finally {
      cluster.clerk.faults().clear();
    }
    return "\n**Upstream calls per cold key**, " + label + ": " + keys + " keys, 60 concurrent "
        + "reads each (20 per replica, Clerk answering in 100 ms): " + calls + " calls, "
        + String.format("%.2f", calls / (double) keys) + " per key.\n";
  }

  /** 10 s of distinct cold ids on all three replicas; requestsPerSecond is 20. */
  private static String coldStorm(ClusterFixture cluster, String label) {
    cluster.clerk.clearRequests();
    long start = System.nanoTime();
    int answered = 0;
    while (System.nanoTime() - start < Duration.ofSeconds(10).toNanos()) {
      List<CompletableFuture<HttpResponse<String>>> round = new ArrayList<>();
      for (int r = 0; r < 3; r++) {
        for (int k = 0; k < 10; k++) {
          round.add(cluster.userAsync(r, "user_storm" + UUID.randomUUID().toString()
              .replace("-", "")));
        }
      }
      round.forEach(CompletableFuture::join);
      answered += round.size();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    int calls = cluster.clerk.requestCount();
    double local = 0;
    for (int r = 0; r < 3; r++) {
      local += cluster.metric(r, "roster_cluster_budget_takes_total", "local");
    }
    return "\n**Cold storm**, " + label + ": `requestsPerSecond: 20`, 3 replicas, " + answered
        + " cold reads in " + String.format("%.1f", seconds) + " s: " + calls
        + " upstream calls, " + String.format("%.1f", calls / seconds)
        + " per second (a bucket of 20 admits at most " + String.format("%.1f",
            (20 + 20 * seconds) / seconds) + "/s over this window); takes decided locally "
        + "(Redis not answering in time): " + (int) local + ".\n";
  }

  /** wrk on a fresh hit, one replica with and one without a cluster block, alternating. */
  private static String hitPath(int seconds) throws Exception {
    StringBuilder table = new StringBuilder("\n**Authenticated hit path** (`GET /acme/v1/users/"
        + "{id}`, fresh in the cache), wrk -t2 -c32 -d" + seconds + "s, rounds alternating:\n\n"
        + "| round | config | requests/s | p50 | p99 |\n|---|---|---|---|---|\n");
    try (ClusterFixture with = new ClusterFixture(1, "", "", true, false, NO_LIMIT);
        ClusterFixture without = new ClusterFixture(1, "", null, true, false, NO_LIMIT)) {
      with.awaitConnected(Duration.ofSeconds(30));
      String id = ClerkSeed.ACME_ADMIN_ID;
      with.user(0, id);
      without.user(0, id);
      wrk(with, id, 3);
      wrk(without, id, 3);
      for (int round = 1; round <= 3; round++) {
        table.append("| ").append(round).append(" | cluster block | ")
            .append(wrk(with, id, seconds)).append('\n');
        table.append("| ").append(round).append(" | no cluster block | ")
            .append(wrk(without, id, seconds)).append('\n');
      }
    }
    return table.toString();
  }

  private static String wrk(ClusterFixture fixture, String id, int seconds) throws Exception {
    Process wrk = new ProcessBuilder("wrk", "-t2", "-c32", "-d" + seconds + "s", "--latency",
            "-H", "Authorization: Bearer " + fixture.token(),
            fixture.publicUri(0, "/acme/v1/users/" + id).toString())
        .redirectErrorStream(true).start();
    String text;
    try (InputStream in = wrk.getInputStream()) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    wrk.waitFor();
    return find(text, "Requests/sec:\\s+([0-9.]+)") + " | " + find(text, "50%\\s+(\\S+)")
        + " | " + find(text, "99%\\s+(\\S+)") + " |";
  }

  private static String find(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    return m.find() ? m.group(1) : "?";
  }

  private static String row(String label, List<Long> micros) {
    List<Long> sorted = new ArrayList<>(micros);
    Collections.sort(sorted);
    return "| " + label + " | " + ms(sorted, 0.50) + " | " + ms(sorted, 0.99) + " | "
        + String.format("%.1f ms", sorted.get(sorted.size() - 1) / 1000.0) + " |\n";
  }

  private static String ms(List<Long> sorted, double q) {
    int index = (int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1);
    return String.format("%.1f ms", sorted.get(Math.max(0, index)) / 1000.0);
  }

  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "?";
    }
  }
}
