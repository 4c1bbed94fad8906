package dev.roster.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.config.ConfigLoader;
import dev.roster.config.HeapBudget;
import dev.roster.config.RosterOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The manifests under k8s/, offline: every document against the Kubernetes API schema of its
 * kind (unknown fields and wrong types fail), the kustomizations' resources, and what the issue
 * asks of the deployment (Pod Security "restricted", spread, HPA, network policy, monitoring).
 */
class ManifestsTest {
  private static final Path K8S = Path.of("k8s");
  private static final KubernetesSchema SCHEMA = new KubernetesSchema();
  private static final Map<String, Map<String, Object>> BY_KIND_AND_NAME = new HashMap<>();

  @BeforeAll
  static void load() throws IOException {
    for (Path file : manifests()) {
      for (Map<String, Object> doc : documents(file)) {
        BY_KIND_AND_NAME.put(doc.get("kind") + "/" + name(doc), doc);
      }
    }
  }

  private static List<Path> manifests() throws IOException {
    try (Stream<Path> files = Files.walk(K8S)) {
      return files
          .filter(p -> p.toString().endsWith(".yaml"))
          .filter(p -> !p.getFileName().toString().equals("kustomization.yaml"))
          .sorted()
          .toList();
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> documents(Path file) throws IOException {
    List<Map<String, Object>> docs = new ArrayList<>();
    for (Object doc : new Yaml().loadAll(Files.readString(file))) {
      if (doc != null) {
        docs.add((Map<String, Object>) doc);
      }
    }
    return docs;
  }

  @SuppressWarnings("unchecked")
  private static <T> T at(Object node, String... path) {
    Object current = node;
    for (String key : path) {
      current = current instanceof Map<?, ?> map ? map.get(key) : null;
    }
    return (T) current;
  }

  private static String name(Map<String, Object> doc) {
    return at(doc, "metadata", "name");
  }

  private static Map<String, Object> get(String kindAndName) {
    Map<String, Object> doc = BY_KIND_AND_NAME.get(kindAndName);
    assertThat(doc).as(kindAndName).isNotNull();
    return doc;
  }

  @Test
  void everyManifestMatchesTheSchemaOfItsKind() throws IOException {
    List<String> problems = new ArrayList<>();
    int count = 0;
    for (Path file : manifests()) {
      for (Map<String, Object> doc : documents(file)) {
        count++;
        SCHEMA.validate(doc).forEach(p -> problems.add(file + ": " + p));
      }
    }
    assertThat(count).isGreaterThanOrEqualTo(12);
    assertThat(problems).isEmpty();
  }

  @Test
  void theCheckerFindsUnknownFieldsAndWrongTypes() throws IOException {
    Map<String, Object> deployment = documents(K8S.resolve("base/deployment.yaml")).get(0);
    Map<String, Object> spec = at(deployment, "spec");
    spec.put("replica", 3);
    List<Map<String, Object>> containers = at(spec, "template", "spec", "containers");
    Map<String, Object> port = ((List<Map<String, Object>>) containers.get(0).get("ports")).get(0);
    port.put("containerPort", "8080");
    assertThat(SCHEMA.validate(deployment))
        .containsExactlyInAnyOrder(
            "Deployment.spec.replica: unknown field",
            "Deployment.spec.template.spec.containers[0].ports[0].containerPort:"
                + " expected integer, got String");
  }

  @Test
  void theBaseLeavesTheExampleSecretOutAndListsFilesThatExist() throws IOException {
    for (String dir : List.of("base", "monitoring")) {
      Map<String, Object> kustomization =
          new Yaml().load(Files.readString(K8S.resolve(dir).resolve("kustomization.yaml")));
      assertThat(kustomization.keySet())
          .isSubsetOf("apiVersion", "kind", "resources", "images", "configMapGenerator");
      List<String> resources = at(kustomization, "resources");
      for (String resource : resources) {
        Path file = K8S.resolve(dir).resolve(resource);
        assertThat(file).exists();
        if (dir.equals("base")) {
          assertThat(documents(file)).noneMatch(doc -> "Secret".equals(doc.get("kind")));
        }
      }
    }
    assertThat(K8S.resolve("examples/secret.example.yaml")).exists();
    assertThat(K8S.resolve("monitoring/grafana-dashboard.json")).exists();
  }

  @Test
  void thePodPassesPodSecurityRestrictedAndIsSpreadAndSized() {
    Map<String, Object> pod = at(get("Deployment/roster"), "spec", "template", "spec");
    assertThat((Object) at(pod, "securityContext", "seccompProfile", "type"))
        .isEqualTo("RuntimeDefault");
    assertThat((Object) at(pod, "securityContext", "runAsNonRoot")).isEqualTo(true);
    assertThat((Object) at(pod, "automountServiceAccountToken")).isEqualTo(false);
    assertThat((Object) at(get("ServiceAccount/roster"), "automountServiceAccountToken"))
        .isEqualTo(false);
    assertThat((List<?>) at(pod, "topologySpreadConstraints")).hasSize(2);
    List<Map<String, Object>> containers = at(pod, "containers");
    for (Map<String, Object> c : containers) {
      assertThat((Object) at(c, "securityContext", "allowPrivilegeEscalation")).isEqualTo(false);
      List<Object> drop = at(c, "securityContext", "capabilities", "drop");
      assertThat(drop).containsExactly("ALL");
      assertThat((String) c.get("image")).contains(":").doesNotEndWith(":latest");
      assertThat((Object) at(c, "resources", "requests", "cpu")).isNotNull();
      assertThat((Object) at(c, "resources", "limits", "memory")).isEqualTo("1Gi");
      // A JWKS outage must leave the pod unready, not restart it in a loop.
      assertThat((Object) at(c, "startupProbe", "httpGet", "path")).isEqualTo("/health/live");
    }
  }

  @Test
  void theJvmIsSizedForTheContainer() throws IOException {
    String dockerfile = Files.readString(K8S.resolve("Dockerfile"));
    assertThat(dockerfile)
        .contains(
            "-XX:+UseG1GC",
            "-XX:MaxRAMPercentage=75",
            "-XX:+ExitOnOutOfMemoryError",
            "-XX:ActiveProcessorCount=${ROSTER_CPU_REQUEST:-1}",
            "exec java");
    List<Map<String, Object>> env =
        at(((List<?>) at(get("Deployment/roster"), "spec", "template", "spec", "containers")).get(0),
            "env");
    assertThat(env)
        .anySatisfy(
            e -> {
              assertThat(e.get("name")).isEqualTo("ROSTER_CPU_REQUEST");
              assertThat((Object) at(e, "valueFrom", "resourceFieldRef", "resource"))
                  .isEqualTo("requests.cpu");
            });
  }

  @Test
  void theConfigMapsCachesFitInTheContainersHeap() {
    String yaml = at(get("ConfigMap/roster-config"), "data", "roster.yaml");
    // The example Secret's keys, plus what a cluster block may reference.
    Map<String, String> env = new HashMap<>();
    env.put("ROSTER_ADMIN_TOKEN", "an-admin-token");
    env.put("LANCE_CLERK_SECRET_KEY", "sk_test_example0000");
    env.put("LANCE_CLERK_WEBHOOK_SECRET", "whsec_Y2hhbmdlLW1lLXRvLXRoZS1yZWFsLXNlY3JldA==");
    env.put("ROSTER_REDIS_URL", "redis://roster-redis:6379/0");
    RosterOptions options = ConfigLoader.parse(yaml, env);
    long heap = 1024L * 1024 * 1024 * 75 / 100;
    assertThat(HeapBudget.check(options, heap)).isNull();
  }

  @Test
  void onlyTheIngressReachesThePublicPortAndOnlyMonitoringTheAdminPort() {
    List<Map<String, Object>> rules = at(get("NetworkPolicy/roster"), "spec", "ingress");
    assertThat(rules).hasSize(2);
    assertThat((Object) at(rules.get(0), "ports")).asList().extracting("port").containsExactly("http");
    assertThat((Object) at(((List<?>) rules.get(0).get("from")).get(0),
            "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name"))
        .isEqualTo("ingress-nginx");
    assertThat((Object) at(rules.get(1), "ports")).asList().extracting("port").containsExactly("admin");
    assertThat((Object) at(((List<?>) rules.get(1).get("from")).get(0),
            "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name"))
        .isEqualTo("monitoring");
    List<Map<String, Object>> publicPorts = at(get("Service/roster"), "spec", "ports");
    assertThat(publicPorts).extracting("targetPort").containsExactly("http");
  }

  @Test
  void monitoringAndScalingPointAtWhatExists() {
    Map<String, Object> admin = get("Service/roster-admin");
    Map<String, Object> selector = at(get("ServiceMonitor/roster"), "spec", "selector", "matchLabels");
    Map<String, Object> labels = at(admin, "metadata", "labels");
    assertThat(labels).containsAllEntriesOf(selector);
    List<Map<String, Object>> endpoints = at(get("ServiceMonitor/roster"), "spec", "endpoints");
    assertThat((List<Map<String, Object>>) at(admin, "spec", "ports"))
        .extracting("name")
        .contains(endpoints.get(0).get("port"));
    assertThat((Object) at(get("HorizontalPodAutoscaler/roster"), "spec", "scaleTargetRef", "name"))
        .isEqualTo(name(get("Deployment/roster")));
    assertThat(BY_KIND_AND_NAME).containsKey("PrometheusRule/roster");
    List<Map<String, Object>> paths =
        at(((List<?>) at(get("Ingress/roster"), "spec", "rules")).get(0), "http", "paths");
    assertThat(paths).extracting("path").anySatisfy(p -> assertThat((String) p).endsWith("/webhooks/clerk"));
  }
}
