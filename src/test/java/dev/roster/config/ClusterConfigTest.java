package dev.roster.config;

import static dev.roster.config.ConfigYaml.withTopLevel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code cluster} block (SPEC §9). */
class ClusterConfigTest {

  @Test
  void noBlockMeansASingleNode() {
    assertThat(ConfigLoader.parse(withTopLevel(""), Map.of()).cluster()).isNull();
  }

  @Test
  void readsTheBlockWithItsDefaults() {
    ClusterOptions cluster = ConfigLoader.parse(
        withTopLevel("cluster: { redisUrl: \"redis://redis:6379/0\" }"),
        Map.of("HOSTNAME", "roster-7d9c-x2")).cluster();
    assertThat(cluster.redisUrl()).isEqualTo("redis://redis:6379/0");
    assertThat(cluster.name()).isEqualTo("roster");
    assertThat(cluster.podId()).matches("roster-7d9c-x2-[0-9a-f]{8}");
    assertThat(cluster.opTimeout()).isEqualTo(ClusterOptions.DEFAULT_OP_TIMEOUT);
    assertThat(cluster.lockWait()).isEqualTo(Duration.ofSeconds(2));
    assertThat(cluster.eventsMaxLen()).isEqualTo(10_000);
    assertThat(cluster.expectedReplicas()).isEqualTo(1);
  }

  @Test
  void twoProcessesWithOneHostNameStillGetTwoPodIds() {
    String yaml = withTopLevel("cluster: { redisUrl: \"redis://redis:6379/0\" }");
    Map<String, String> env = Map.of("HOSTNAME", "same-host");
    assertThat(ConfigLoader.parse(yaml, env).cluster().podId())
        .isNotEqualTo(ConfigLoader.parse(yaml, env).cluster().podId());
  }

  @Test
  void acceptsTlsAndAPasswordFromTheEnvironment() {
    ClusterOptions cluster = ConfigLoader.parse(withTopLevel(
            "cluster: { redisUrl: \"rediss://:${REDIS_PASSWORD}@redis.internal:6380/1\","
                + " name: edge, password: ${REDIS_PASSWORD}, expectedReplicas: 3 }"),
        Map.of("REDIS_PASSWORD", "s3cret")).cluster();
    assertThat(cluster.redisUrl()).isEqualTo("rediss://:s3cret@redis.internal:6380/1");
    assertThat(cluster.password()).isEqualTo("s3cret");
    assertThat(cluster.name()).isEqualTo("edge");
    assertThat(cluster.expectedReplicas()).isEqualTo(3);
  }

  @Test
  void sentinelsReplaceTheUrlAndNeedAMasterName() {
    ClusterOptions cluster = ConfigLoader.parse(withTopLevel(
            "cluster: { sentinels: [\"redis://s1:26379\", \"redis://s2:26379\"],"
                + " masterName: mymaster }"), Map.of()).cluster();
    assertThat(cluster.redisUrl()).isNull();
    assertThat(cluster.sentinels()).containsExactly("redis://s1:26379", "redis://s2:26379");
    assertThat(cluster.masterName()).isEqualTo("mymaster");
    assertThatThrownBy(() -> ConfigLoader.parse(withTopLevel(
            "cluster: { sentinels: [\"redis://s1:26379\"] }"), Map.of()))
        .hasMessage("cluster.masterName: required with sentinels");
    assertThatThrownBy(() -> ConfigLoader.parse(withTopLevel(
            "cluster: { redisUrl: \"redis://r:6379\", sentinels: [\"redis://s1:26379\"],"
                + " masterName: m }"), Map.of()))
        .hasMessage("cluster.redisUrl: give either redisUrl or sentinels, not both");
  }

  @Test
  void refusesWhatCannotWorkWithOneLineThatNeverShowsThePassword() {
    assertThatThrownBy(() -> ConfigLoader.parse(withTopLevel("cluster: { name: x }"), Map.of()))
        .hasMessage("cluster.redisUrl: required");
    assertThatThrownBy(() -> ConfigLoader.parse(
            withTopLevel("cluster: { redisUrl: \"http://:hunter2@redis:6379\" }"), Map.of()))
        .hasMessage("cluster.redisUrl: must be a redis:// or rediss:// URL")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    assertThatThrownBy(() -> ConfigLoader.parse(
            withTopLevel("cluster: { redisUrl: \"redis://redis:6379\", name: \"a b\" }"),
            Map.of()))
        .hasMessageStartingWith("cluster.name:");
    assertThatThrownBy(() -> ConfigLoader.parse(
            withTopLevel("cluster: { redisUrl: \"redis://redis:6379\", redis: x }"), Map.of()))
        .hasMessageStartingWith("cluster");
  }
}
