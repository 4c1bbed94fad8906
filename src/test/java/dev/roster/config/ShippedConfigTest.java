package dev.roster.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.model.Provider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two files shipped in {@code conf/} load and mean what their comments say. */
class ShippedConfigTest {
  private static final String PEM =
      "-----BEGIN PUBLIC KEY-----\n"
          + "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n"
          + "-----END PUBLIC KEY-----\n";

  static Map<String, String> productionEnv() {
    Map<String, String> env = new HashMap<>();
    env.put("ROSTER_ADMIN_TOKEN", "admin-token-of-32-characters-xx");
    env.put("LANCE_CLERK_SECRET_KEY", "sk_live_abc\"quote#hash: colon");
    env.put("LANCE_CLERK_WEBHOOK_SECRET", "whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=");
    env.put("LEDGER_JWT_PUBLIC_KEY_PEM", PEM);
    env.put("LEDGER_LEXFUL_API_KEY_ID", "key_123");
    env.put("LEDGER_LEXFUL_API_KEY_SECRET", "s3cr3t");
    return env;
  }

  @Test
  void demoConfigurationLoadsWithoutAnyEnvironment() {
    RosterOptions options = ConfigLoader.load(Path.of("conf/roster.yaml"), Map.of());

    assertThat(options.demo()).isEqualTo(new DemoOptions(18081, 18082, 18083));
    assertThat(options.server())
        .isEqualTo(new ServerOptions("0.0.0.0", 8080, Duration.ofSeconds(10)));
    assertThat(options.admin()).isEqualTo(new AdminOptions("0.0.0.0", 9090, "demo-admin-token"));
    assertThat(options.apps()).containsOnlyKeys("acme", "globex", "initech");
    assertThat(options.apps().keySet()).containsExactly("acme", "globex", "initech");

    AppOptions acme = options.apps().get("acme");
    assertThat(acme.visibility()).isEqualTo(Visibility.ORG);
    assertThat(acme.auth().jwksUrl())
        .isEqualTo("http://127.0.0.1:18083/acme/.well-known/jwks.json");
    assertThat(acme.auth().issuer()).isEqualTo("http://127.0.0.1:18083/acme");
    assertThat(acme.auth().authorizedParties()).containsExactly("http://localhost:3000");
    assertThat(acme.clerk().baseUrl()).isEqualTo("http://127.0.0.1:18081");
    assertThat(acme.clerk().secretKey()).isEqualTo("sk_test_rosterdemo0000000000000000");
    assertThat(acme.lexful()).isNull();
    assertThat(acme.cors().allowedOrigins()).containsExactly("http://localhost:3000");
    assertThat(acme.webhooks().clerkSigningSecret())
        .isEqualTo("whsec_cm9zdGVyLWRlbW8td2ViaG9vay1zZWNyZXQtMzJieXRlcyE=");

    AppOptions globex = options.apps().get("globex");
    assertThat(globex.clerk()).isNull();
    assertThat(globex.lexful().provider()).isEqualTo(Provider.LEXFUL);
    assertThat(globex.lexful().baseUrl()).isEqualTo("http://127.0.0.1:18082");
    assertThat(globex.lexful().accountId()).isEqualTo("3c90c3cc-0d44-4b50-8888-8dd25736052a");
    assertThat(globex.lexful().apiKeyId()).isEqualTo("lexful_demo_key");
    assertThat(globex.lexful().apiKeySecret()).isEqualTo("lexful_demo_secret");
    assertThat(globex.lexful().token()).isNull();

    AppOptions initech = options.apps().get("initech");
    assertThat(initech.visibility()).isEqualTo(Visibility.AUTHENTICATED);
    assertThat(initech.clerk().secretKey()).isEqualTo("sk_test_rosterdemo0000000000000000");
    assertThat(initech.lexful().token()).isEqualTo("lexful_demo_static_token");
    assertThat(initech.lexful().apiKeyId()).isNull();
    assertThat(initech.cache().ttl()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void productionExampleLoadsWithItsSecretsFromTheEnvironment() {
    RosterOptions options =
        ConfigLoader.load(Path.of("conf/production.example.yaml"), productionEnv());

    assertThat(options.demo()).isNull();
    assertThat(options.server())
        .isEqualTo(new ServerOptions("0.0.0.0", 8080, Duration.ofSeconds(20)));
    assertThat(options.admin().token()).isEqualTo("admin-token-of-32-characters-xx");

    AppOptions lance = options.apps().get("lance");
    assertThat(lance.auth().authorizedParties())
        .containsExactly("https://app.lance.example.com", "https://admin.lance.example.com");
    assertThat(lance.auth().audience()).isNull();
    assertThat(lance.auth().orgClaim()).isNull();
    assertThat(lance.clerk().secretKey()).isEqualTo("sk_live_abc\"quote#hash: colon");
    assertThat(lance.clerk().baseUrl()).isEqualTo("https://api.clerk.com");
    assertThat(lance.cache()).isEqualTo(CacheOptions.DEFAULTS);
    assertThat(lance.rateLimit()).isEqualTo(RateLimitOptions.DEFAULTS);
    assertThat(lance.webhooks().clerkSigningSecret())
        .isEqualTo("whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=");

    AppOptions ledger = options.apps().get("ledger");
    assertThat(ledger.auth().publicKeyPem()).isEqualTo(PEM);
    assertThat(ledger.auth().jwksUrl()).isNull();
    assertThat(ledger.auth().audience()).isEqualTo("roster");
    assertThat(ledger.auth().adminRoles()).containsExactly("org:admin", "org:owner");
    assertThat(ledger.auth().orgClaim()).isEqualTo("ledger.org.id");
    assertThat(ledger.lexful().apiKeySecret()).isEqualTo("s3cr3t");
    assertThat(ledger.lexful().circuitBreaker())
        .isEqualTo(new CircuitBreakerOptions(5, Duration.ofSeconds(30)));
    assertThat(ledger.cache())
        .isEqualTo(
            new CacheOptions(
                Duration.ofMinutes(2),
                Duration.ofMinutes(10),
                Duration.ofHours(12),
                Duration.ofSeconds(30),
                64L * 1024 * 1024));
    assertThat(ledger.rateLimit()).isEqualTo(new RateLimitOptions(20, 40));
    assertThat(ledger.cors().allowedOrigins()).containsExactly("https://ledger.example.com");
  }

  @Test
  void productionExampleNamesTheFirstMissingSecret() {
    Map<String, String> env = productionEnv();
    env.remove("LANCE_CLERK_SECRET_KEY");

    assertThatThrownBy(
            () -> ConfigLoader.load(Path.of("conf/production.example.yaml"), env))
        .isInstanceOf(ConfigException.class)
        .hasMessageMatching("line \\d+: environment variable LANCE_CLERK_SECRET_KEY is not set");
  }

  @Test
  void aMissingFileIsNamed() {
    assertThatThrownBy(() -> ConfigLoader.load(Path.of("conf/nope.yaml"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("conf/nope.yaml: file not found");
  }

  @Test
  void allAppsGetDefaultsForWhatTheyOmit() {
    AppOptions app = ConfigYaml.parse(ConfigYaml.clerkApp()).apps().get("lance");
    RosterOptions options = ConfigYaml.parse(ConfigYaml.clerkApp());

    assertThat(options.server())
        .isEqualTo(new ServerOptions("0.0.0.0", 8080, ServerOptions.DEFAULT_SHUTDOWN_GRACE));
    assertThat(options.admin()).isEqualTo(new AdminOptions("0.0.0.0", 9090, null));
    assertThat(options.demo()).isNull();
    assertThat(app.visibility()).isEqualTo(Visibility.ORG);
    assertThat(app.auth())
        .isEqualTo(
            new AuthOptions(
                "https://clerk.lance.example/.well-known/jwks.json",
                null,
                null,
                null,
                List.of(),
                null,
                5,
                List.of("org:admin"),
                Duration.ofMinutes(5),
                Duration.ofSeconds(5),
                null));
    assertThat(app.clerk())
        .isEqualTo(
            new UpstreamOptions(
                Provider.CLERK,
                "https://api.clerk.com",
                Duration.ofSeconds(3),
                64,
                9, // a development key's default budget
                CircuitBreakerOptions.DEFAULTS,
                "sk_test_lance",
                null,
                null,
                null,
                null));
    assertThat(app.lexful()).isNull();
    assertThat(app.cache()).isEqualTo(CacheOptions.DEFAULTS);
    assertThat(app.rateLimit()).isEqualTo(RateLimitOptions.UNLIMITED);
    assertThat(app.cors()).isEqualTo(CorsOptions.DEFAULTS);
    assertThat(app.webhooks()).isEqualTo(WebhookOptions.DEFAULTS);
  }

  @Test
  void lexfulGetsItsOwnDefaultBaseUrlAndTrailingSlashesAreRemoved() {
    AppOptions app =
        ConfigYaml.parse(
                ConfigYaml.app(
                    ConfigYaml.AUTH,
                    "upstreams:",
                    "  clerk: { baseUrl: 'https://clerk.proxy.example/', secretKey: sk }",
                    "  lexful: { accountId: " + ConfigYaml.LEXFUL_ACCOUNT + ", token: t }"))
            .apps()
            .get("lance");

    assertThat(app.clerk().baseUrl()).isEqualTo("https://clerk.proxy.example");
    assertThat(app.lexful().baseUrl()).isEqualTo("https://api.us.lexful.app");
  }
}
