package dev.roster.config;

import java.util.List;
import java.util.Locale;

/** Reads the {@code logging} and {@code tracing} sections: the operator's knobs, all optional. */
final class TelemetryReader {
  private static final List<String> LEVELS = List.of("error", "warn", "info", "debug", "trace");

  private TelemetryReader() {}

  static LoggingOptions logging(Section s) {
    s.allowOnly("level");
    String level = s.string("level", LoggingOptions.DEFAULT_LEVEL).toLowerCase(Locale.ROOT);
    if (!LEVELS.contains(level)) {
      throw s.fail("level", Section.quote(level) + " is not one of " + String.join(", ", LEVELS));
    }
    return new LoggingOptions(level);
  }

  static TracingOptions tracing(Section s) {
    s.allowOnly("otlpEndpoint", "serviceName", "sampleRatio");
    String endpoint = s.url("otlpEndpoint", null);
    String serviceName = s.string("serviceName", TracingOptions.DEFAULT_SERVICE_NAME);
    String ratioText = s.string("sampleRatio", null);
    double ratio = TracingOptions.DEFAULT_SAMPLE_RATIO;
    if (ratioText != null) {
      try {
        ratio = Double.parseDouble(ratioText.strip());
      } catch (NumberFormatException e) {
        ratio = Double.NaN;
      }
      if (!(ratio >= 0 && ratio <= 1)) {
        throw s.fail("sampleRatio", Section.quote(ratioText) + " is not a number from 0 to 1");
      }
    }
    if (endpoint == null && s.present() && (s.has("serviceName") || s.has("sampleRatio"))) {
      throw s.fail("otlpEndpoint", "required when tracing is configured");
    }
    return new TracingOptions(endpoint, serviceName, ratio);
  }
}
