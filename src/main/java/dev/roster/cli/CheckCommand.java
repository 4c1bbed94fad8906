package dev.roster.cli;

import dev.roster.config.ConfigException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code roster check --config FILE}: the checks made at start ({@code ${NAME}} resolved from the
 * environment, every key, the PEM keys and HMAC secrets, the caches against this JVM's heap),
 * with nothing started. Prints {@code ok} and exits 0, or prints the one-line error and exits 2.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    versionProvider = RosterCommand.Version.class,
    description = "Validate the configuration as at start, start nothing: prints ok (exit 0)"
        + " or the one-line error (exit 2).")
final class CheckCommand implements Callable<Integer> {
  @ParentCommand RosterCommand parent;
  @Spec CommandSpec spec;

  private final Map<String, String> env;

  CheckCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // --config is declared once, on the root, and inherited: given before or after "check".
    String given = parent.config;
    try {
      ConfigCheck checked =
          ConfigCheck.run(dev.roster.config.ConfigLoader.pathFor(given, env), env);
      if (checked.warning() != null) {
        err.println("roster: warning: " + checked.warning());
      }
      out.println("ok");
      return 0;
    } catch (ConfigException e) {
      err.println("roster: config error: " + e.getMessage());
      return RosterCommand.USAGE;
    } finally {
      out.flush();
      err.flush();
    }
  }
}
