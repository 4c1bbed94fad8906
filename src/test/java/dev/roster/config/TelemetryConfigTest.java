package dev.roster.config;

import static dev.roster.config.ConfigYaml.assertFails;
import static dev.roster.config.ConfigYaml.parse;
import static dev.roster.config.ConfigYaml.withTopLevel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The {@code logging} and {@code tracing} sections, and the caches against the heap. */
class TelemetryConfigTest {
  @Test
  void tracingIsOffAndLoggingAtInfoByDefault() {
    RosterOptions options = parse(withTopLevel(""));
    assertThat(options.tracing().enabled()).isFalse();
    assertThat(options.logging().level()).isEqualTo("info");
  }

  @Test
  void readsTracingAndLogging() {
    RosterOptions options =
        parse(
            withTopLevel(
                "tracing: { otlpEndpoint: 'http://otel:4318', serviceName: edge, sampleRatio: 0.25 }\n"
                    + "logging: { level: DEBUG }"));
    assertThat(options.tracing())
        .isEqualTo(new TracingOptions("http://otel:4318", "edge", 0.25));
    assertThat(options.tracing().enabled()).isTrue();
    assertThat(options.logging().level()).isEqualTo("debug");
  }

  @Test
  void refusesWhatCannotWork() {
    assertFails(
        withTopLevel("tracing: { otlpEndpoint: 'http://otel:4318', sampleRatio: 2 }"),
        "tracing.sampleRatio: \"2\" is not a number from 0 to 1");
    assertFails(
        withTopLevel("tracing: { sampleRatio: 0.5 }"),
        "tracing.otlpEndpoint: required when tracing is configured");
    assertFails(
        withTopLevel("tracing: { otlpEndpoint: 'otel:4318' }"),
        "tracing.otlpEndpoint: \"otel:4318\" is not an absolute http or https URL with a host");
    assertFails(
        withTopLevel("logging: { level: loud }"),
        "logging.level: \"loud\" is not one of error, warn, info, debug, trace");
    assertFails(withTopLevel("logging: { lvl: info }"), "logging.lvl: unknown key (did you mean level?)");
  }

  @Test
  void cachesThatCannotFitInTheHeapAreAConfigErrorAndTightOnesAWarning() {
    RosterOptions options = parse(withTopLevel(""));
    long caches = options.apps().values().iterator().next().cache().maxBytes();
    assertThat(HeapBudget.check(options, caches * 10)).isNull();
    assertThat(HeapBudget.check(options, caches * 3 / 2)).contains("caches may take 256MiB");
    assertThatThrownBy(() -> HeapBudget.check(options, caches))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("apps.*.cache.maxBytes: 256MiB (the sum of apps.*.cache.maxBytes)"
            + " does not fit in the heap of 256MiB");
  }
}
