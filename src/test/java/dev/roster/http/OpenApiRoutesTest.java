package dev.roster.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.e2e.RosterHarness;
import dev.roster.metrics.RequestMetrics;
import dev.roster.sim.clerk.ClerkSeed;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docs/openapi.yaml against the running router: every documented operation answers with one of
 * its documented statuses (never the router's "no such route"), and every route the two routers
 * declare is documented with its methods.
 */
class OpenApiRoutesTest {
  private static final Set<String> METHODS = Set.of("get", "head", "post", "delete", "options");
  private static Map<String, Object> paths;
  private static Map<String, Object> document;
  private static RosterHarness harness;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void load() throws Exception {
    document = new Yaml().load(Files.readString(Path.of("docs/openapi.yaml")));
    paths = (Map<String, Object>) document.get("paths");
    harness = new RosterHarness();
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object node) {
    return (Map<String, Object>) node;
  }

  private static boolean isAdmin(String path) {
    return path.equals("/metrics") || path.startsWith("/health/") || path.startsWith("/cache/");
  }

  @Test
  void isAnOpenApi31DocumentWhoseReferencesResolve() throws Exception {
    assertThat(document.get("openapi")).isEqualTo("3.1.0");
    String text = Files.readString(Path.of("docs/openapi.yaml"));
    Matcher refs = Pattern.compile("\\$ref: '#/([^']+)'").matcher(text);
    int count = 0;
    while (refs.find()) {
      Object node = document;
      for (String part : refs.group(1).split("/")) {
        node = node instanceof Map<?, ?> m ? m.get(part) : null;
      }
      assertThat(node).as(refs.group(1)).isNotNull();
      count++;
    }
    assertThat(count).isGreaterThan(20);
    paths.forEach(
        (path, item) ->
            map(item).forEach(
                (method, op) -> {
                  if (METHODS.contains(method)) {
                    assertThat(map(op)).as(method + " " + path).containsKey("responses");
                  }
                }));
  }

  @Test
  void everyDocumentedOperationAnswersWithADocumentedStatus() {
    String member = harness.token(ClerkSeed.ACME_MEMBER_ID, ClerkSeed.ACME_ORG_ID, "org:member");
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Map.Entry<String, Object> entry : paths.entrySet()) {
      String path = entry.getKey();
      for (Map.Entry<String, Object> op : map(entry.getValue()).entrySet()) {
        if (!METHODS.contains(op.getKey())) {
          continue;
        }
        HttpMethod method = HttpMethod.valueOf(op.getKey().toUpperCase(Locale.ROOT));
        boolean preflight = method == HttpMethod.OPTIONS;
        String concrete =
            path.replace("{app}", preflight ? "tight" : "acme")
                .replace("{id}", ClerkSeed.ACME_MEMBER_ID)
                .replace("{orgId}", ClerkSeed.ACME_ORG_ID);
        int port = isAdmin(path) ? harness.roster.adminPort() : harness.roster.publicPort();
        String token = isAdmin(path) ? RosterHarness.ADMIN_TOKEN : preflight ? null : member;
        Buffer body = method == HttpMethod.POST ? Buffer.buffer("{}") : null;
        int status =
            harness
                .send(method, port, concrete, token, body,
                    "Origin", "http://localhost:3000", "Access-Control-Request-Method", "GET")
                .statusCode();
        Set<String> documented = map(map(op.getValue()).get("responses")).keySet();
        if (!documented.contains(Integer.toString(status)) || status == 404 || status == 405) {
          problems.add(method + " " + concrete + " answered " + status + ", documented " + documented);
        }
        checked++;
      }
    }
    assertThat(checked).isEqualTo(15);
    assertThat(problems).isEmpty();
  }

  @Test
  void everyRouteTheRoutersDeclareIsDocumented() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Router publicRouter =
        PublicRoutes.create(
            harness.vertx,
            Map.of(),
            new AccessLogWriter(new ByteArrayOutputStream()),
            new RequestMetrics(registry));
    Router adminRouter =
        AdminRoutes.create(harness.vertx, Map.of(), registry, new Readiness(List.of()), "t");
    List<String> undocumented = new ArrayList<>();
    int declared = 0;
    for (Router router : List.of(publicRouter, adminRouter)) {
      for (Route route : router.getRoutes()) {
        if (route.getPath() == null) {
          continue; // middleware, and the users dispatcher, whose two paths the probes cover
        }
        declared++;
        String path = route.getPath().replaceAll(":([A-Za-z]+)", "{$1}");
        Map<String, Object> item = paths.containsKey(path) ? map(paths.get(path)) : null;
        if (item == null) {
          undocumented.add(path);
          continue;
        }
        Set<HttpMethod> methods = route.methods() == null ? Set.of() : route.methods();
        for (HttpMethod method : methods) {
          if (!item.containsKey(method.name().toLowerCase(Locale.ROOT))) {
            undocumented.add(method + " " + path);
          }
        }
      }
    }
    assertThat(declared).isGreaterThanOrEqualTo(7);
    assertThat(undocumented).isEmpty();
    assertThat(paths).containsKeys("/{app}/v1/users/{id}", "/{app}/v1/users");
  }
}
