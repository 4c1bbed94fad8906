package dev.roster.config;

import static dev.roster.config.ConfigYaml.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code upstreams.clerk.batchWindow}: Clerk only, 0 to 100ms, default 1ms. */
class BatchWindowConfigTest {
  private static UpstreamOptions clerk(String clerkYaml) {
    return ConfigYaml.parse(
            ConfigYaml.app(
                ConfigYaml.AUTH, "upstreams: { clerk: { secretKey: sk" + clerkYaml + " } }"))
        .apps()
        .get("lance")
        .clerk();
  }

  @Test
  void clerkBatchesWithinOneMillisecondByDefault() {
    assertThat(clerk("").batchWindow()).isEqualTo(Duration.ofMillis(1));
  }

  @Test
  void zeroTurnsBatchingOffAndOtherWindowsAreKept() {
    assertThat(clerk(", batchWindow: 0ms").batchWindow()).isZero();
    assertThat(clerk(", batchWindow: 5ms").batchWindow()).isEqualTo(Duration.ofMillis(5));
  }

  @Test
  void aWindowLongerThan100msIsRefused() {
    assertFails(
        ConfigYaml.app(ConfigYaml.AUTH, "upstreams: { clerk: { secretKey: sk, batchWindow: 1s } }"),
        "apps.lance.upstreams.clerk.batchWindow: must be at most 100ms (a lone miss waits this long)");
  }

  @Test
  void lexfulHasNoMultiIdReadSoNoBatchWindow() {
    assertFails(
        ConfigYaml.app(
            ConfigYaml.AUTH,
            "upstreams: { lexful: { accountId: a, token: t, batchWindow: 1ms } }"),
        "apps.lance.upstreams.lexful.batchWindow: unknown key");
  }
}
