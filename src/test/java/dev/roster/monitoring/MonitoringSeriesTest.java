package dev.roster.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.e2e.RosterHarness;
import dev.roster.sim.clerk.ClerkSeed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Grafana dashboard and the alert rules against a live /metrics: Roster is started, sent
 * traffic (hits, misses, evictions, refusals, rate limiting), scraped, and every series a panel or
 * a rule names must be exported, with every label its selectors use.
 */
class MonitoringSeriesTest {
  /** Exported only with a {@code cluster} block (SPEC §9), which this run has not. */
  static final Set<String> EXPECTED_FROM_CLUSTER = Set.of("roster_cluster_connected");

  private static final Pattern SERIES =
      Pattern.compile("\\b((?:roster|jvm|process|system)_[a-zA-Z0-9_]+)(\\{[^}]*\\})?");
  private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)");

  private static RosterHarness harness;
  private static Map<String, Set<String>> exported;

  @BeforeAll
  static void startAndScrape() {
    harness = new RosterHarness("{ maxBytes: 1KB }", "");
    String member = harness.token(ClerkSeed.ACME_MEMBER_ID, ClerkSeed.ACME_ORG_ID, "org:member");
    harness.get("/acme/v1/users", member);
    for (int i = 0; i < 3; i++) {
      harness.get("/acme/v1/users/" + ClerkSeed.ACME_ADMIN_ID, member);
      harness.get("/acme/v1/users/" + ClerkSeed.ACME_MEMBER_ID, member);
    }
    harness.get("/acme/v1/users/" + ClerkSeed.ACME_MEMBER_ID, "not-a-token");
    harness.get("/nope/v1/users", member);
    for (int i = 0; i < 4; i++) {
      harness.get("/tight/v1/users/" + ClerkSeed.ACME_MEMBER_ID, member);
    }
    String text =
        harness.client.get(harness.roster.adminPort(), "127.0.0.1", "/metrics")
            .send().await().bodyAsString();
    exported = parse(text);
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  /** Series name to the label names seen on its samples. */
  private static Map<String, Set<String>> parse(String exposition) {
    Map<String, Set<String>> series = new HashMap<>();
    for (String line : exposition.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int brace = line.indexOf('{');
      int space = line.indexOf(' ');
      String name = line.substring(0, brace >= 0 && brace < space ? brace : space);
      Set<String> labels = series.computeIfAbsent(name, n -> new HashSet<>());
      if (brace >= 0 && brace < space) {
        Matcher m = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"").matcher(line);
        while (m.find()) {
          labels.add(m.group(1));
        }
      }
    }
    return series;
  }

  private static List<String> dashboardExpressions() throws Exception {
    JsonObject dashboard =
        new JsonObject(Files.readString(Path.of("k8s/monitoring/grafana-dashboard.json")));
    List<String> exprs = new ArrayList<>();
    for (Object panel : dashboard.getJsonArray("panels")) {
      JsonArray targets = ((JsonObject) panel).getJsonArray("targets", new JsonArray());
      targets.forEach(t -> exprs.add(((JsonObject) t).getString("expr")));
    }
    return exprs;
  }

  @SuppressWarnings("unchecked")
  private static List<String> ruleExpressions() throws Exception {
    Map<String, Object> rule =
        new Yaml().load(Files.readString(Path.of("k8s/monitoring/prometheusrule.yaml")));
    List<String> exprs = new ArrayList<>();
    Map<String, Object> spec = (Map<String, Object>) rule.get("spec");
    for (Map<String, Object> group : (List<Map<String, Object>>) spec.get("groups")) {
      for (Map<String, Object> r : (List<Map<String, Object>>) group.get("rules")) {
        exprs.add((String) r.get("expr"));
      }
    }
    return exprs;
  }

  /** Every problem with the series {@code exprs} name: unknown series, or unknown labels. */
  private static List<String> problems(List<String> exprs) {
    List<String> problems = new ArrayList<>();
    for (String expr : exprs) {
      Matcher m = SERIES.matcher(expr);
      while (m.find()) {
        String name = m.group(1);
        Set<String> labels = exported.get(name);
        if (labels == null) {
          if (!EXPECTED_FROM_CLUSTER.contains(name)) {
            problems.add(name + " is not exported (in: " + expr + ")");
          }
          continue;
        }
        if (m.group(2) != null) {
          Matcher label = MATCHER.matcher(m.group(2));
          while (label.find()) {
            if (!labels.contains(label.group(1))) {
              problems.add(name + " has no label " + label.group(1) + " (has " + labels + ")");
            }
          }
        }
      }
    }
    return problems;
  }

  @Test
  void theScrapeHasTheLatencyHistogramJvmProcessEventLoopAndBuildInfo() {
    assertThat(exported)
        .containsKeys(
            "roster_request_duration_seconds_bucket",
            "roster_build_info",
            "roster_auth_jwks_last_success_seconds",
            "roster_eventloop_lag_seconds",
            "roster_eventloop_pending_tasks",
            "jvm_memory_used_bytes",
            "jvm_gc_pause_seconds_count",
            "jvm_threads_live_threads",
            "jvm_classes_loaded_classes",
            "process_cpu_usage",
            "process_files_open_files",
            "process_uptime_seconds");
    assertThat(exported.get("roster_request_duration_seconds_bucket"))
        .containsExactlyInAnyOrder("app", "route", "le");
    assertThat(exported.get("roster_build_info")).containsExactly("version");
  }

  @Test
  void everySeriesTheDashboardNamesIsExported() throws Exception {
    List<String> exprs = dashboardExpressions();
    assertThat(exprs).hasSizeGreaterThan(20);
    assertThat(problems(exprs)).isEmpty();
  }

  @Test
  void everySeriesTheAlertRulesNameIsExported() throws Exception {
    List<String> exprs = ruleExpressions();
    assertThat(String.join("\n", exprs))
        .contains(
            "roster_upstream_circuit_state",
            "budget_exhausted",
            "roster_auth_jwks_last_success_seconds",
            "status=\"503\"",
            "roster_cache_evictions_total",
            "roster_cluster_connected");
    assertThat(problems(exprs)).isEmpty();
  }

  @Test
  void theCheckFindsAMisspelledSeriesOrLabel() {
    assertThat(problems(List.of("rate(roster_request_total[5m])")))
        .singleElement()
        .asString()
        .startsWith("roster_request_total is not exported");
    assertThat(problems(List.of("roster_cache_bytes{region=\"users\"}")))
        .singleElement()
        .asString()
        .startsWith("roster_cache_bytes has no label region");
  }
}
