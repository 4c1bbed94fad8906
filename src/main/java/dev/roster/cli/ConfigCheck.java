package dev.roster.cli;

import dev.roster.auth.TokenVerifiers;
import dev.roster.config.AppOptions;
import dev.roster.config.ConfigLoader;
import dev.roster.config.HeapBudget;
import dev.roster.config.RosterOptions;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything checked of a configuration before anything starts, shared by the server, {@code
 * roster check} and SIGHUP: the file (ConfigLoader), every app's key source (a PEM key or HMAC
 * secret that cannot be used) and the caches' sum against the heap ({@link HeapBudget}).
 *
 * @param warning a problem worth a log line that does not stop the start, or null
 */
record ConfigCheck(RosterOptions options, String warning) {
  /** Loads and checks {@code path}; throws {@link dev.roster.config.ConfigException}. */
  static ConfigCheck run(Path path, Map<String, String> env) {
    RosterOptions options = ConfigLoader.load(path, env);
    for (AppOptions app : options.apps().values()) {
      TokenVerifiers.check(app.auth(), app.name());
    }
    String warning = HeapBudget.check(options, Runtime.getRuntime().maxMemory());
    return new ConfigCheck(options, warning);
  }
}
