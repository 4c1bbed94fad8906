package dev.roster.config;

import static dev.roster.config.ConfigYaml.AUTH;
import static dev.roster.config.ConfigYaml.LEXFUL_ACCOUNT;
import static dev.roster.config.ConfigYaml.app;
import static dev.roster.config.ConfigYaml.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Settings that point Roster at the real Clerk: a base URL with /v1, the key kind's budget. */
class ClerkSettingsTest {
  private static String clerk(String keys) {
    return app(AUTH, "upstreams:", "  clerk: { " + keys + " }");
  }

  private static int budgetOf(String keys) {
    return ConfigYaml.parse(clerk(keys)).apps().get("lance").clerk().requestsPerSecond();
  }

  @Test
  void aClerkBaseUrlEndingInV1IsAConfigErrorWithAHint() {
    String hint = " ends in /v1: give the origin (\"https://api.clerk.com\");"
        + " Roster appends /v1/... itself";
    assertFails(
        clerk("baseUrl: https://api.clerk.com/v1, secretKey: sk_live_x"),
        "apps.lance.upstreams.clerk.baseUrl: \"https://api.clerk.com/v1\"" + hint);
    assertFails(
        clerk("baseUrl: 'https://api.clerk.com/v1/', secretKey: sk_live_x"),
        "apps.lance.upstreams.clerk.baseUrl: \"https://api.clerk.com/v1\"" + hint);
  }

  @Test
  void aLexfulBaseUrlEndingInV1IsRefusedTheSameWay() {
    assertFails(
        app(AUTH, "upstreams:", "  lexful: { baseUrl: 'https://api.us.lexful.app/V1/',"
            + " accountId: " + LEXFUL_ACCOUNT + ", token: t }"),
        "apps.lance.upstreams.lexful.baseUrl: \"https://api.us.lexful.app/V1\" ends in /v1:"
            + " give the origin (\"https://api.us.lexful.app\"); Roster appends /v1/... itself");
  }

  @Test
  void aPathThatMerelyContainsV1IsAnOrigin() {
    assertThat(ConfigYaml.parse(clerk("baseUrl: https://proxy.example/v1x, secretKey: sk_live_x"))
            .apps().get("lance").clerk().baseUrl())
        .isEqualTo("https://proxy.example/v1x");
  }

  @Test
  void aDevelopmentKeyDefaultsToNinePerSecond() {
    assertThat(budgetOf("secretKey: sk_test_abc")).isEqualTo(9);
  }

  @Test
  void aProductionKeyDefaultsToNinetyPerSecond() {
    assertThat(budgetOf("secretKey: sk_live_abc")).isEqualTo(90);
  }

  @Test
  void anExplicitBudgetWinsOverTheKeyKind() {
    assertThat(budgetOf("secretKey: sk_test_abc, requestsPerSecond: 50")).isEqualTo(50);
    assertThat(budgetOf("secretKey: sk_live_abc, requestsPerSecond: 5")).isEqualTo(5);
  }
}
