package dev.roster.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigPathTest {
  private static final Map<String, String> ENV = Map.of("ROSTER_CONFIG", "/etc/roster/env.yaml");

  @Test
  void theFlagWinsOverTheEnvironment() {
    assertThat(ConfigLoader.resolvePath(new String[] {"--config", "a.yaml"}, ENV))
        .isEqualTo(Path.of("a.yaml"));
    assertThat(ConfigLoader.resolvePath(new String[] {"--config=b.yaml"}, ENV))
        .isEqualTo(Path.of("b.yaml"));
  }

  @Test
  void theEnvironmentWinsOverTheDefault() {
    assertThat(ConfigLoader.resolvePath(new String[0], ENV))
        .isEqualTo(Path.of("/etc/roster/env.yaml"));
  }

  @Test
  void theDefaultIsTheDemoFile() {
    assertThat(ConfigLoader.resolvePath(new String[0], Map.of()))
        .isEqualTo(Path.of("conf/roster.yaml"));
    assertThat(ConfigLoader.resolvePath(new String[0], Map.of("ROSTER_CONFIG", "")))
        .isEqualTo(Path.of("conf/roster.yaml"));
  }

  @Test
  void badArgumentsAreConfigErrors() {
    assertThatThrownBy(() -> ConfigLoader.resolvePath(new String[] {"--port", "1"}, ENV))
        .isInstanceOf(ConfigException.class)
        .hasMessage("unknown argument \"--port\" (usage: roster [--config <path>])");
    assertThatThrownBy(() -> ConfigLoader.resolvePath(new String[] {"--config"}, ENV))
        .isInstanceOf(ConfigException.class)
        .hasMessage("--config: a path is required");
    assertThatThrownBy(() -> ConfigLoader.resolvePath(new String[] {"--config="}, ENV))
        .isInstanceOf(ConfigException.class)
        .hasMessage("--config: a path is required");
    assertThatThrownBy(
            () -> ConfigLoader.resolvePath(new String[] {"--config=a", "--config", "b"}, ENV))
        .isInstanceOf(ConfigException.class)
        .hasMessage("--config: given more than once");
  }
}
