package dev.roster.cli;

import dev.roster.BuildVersion;
import dev.roster.config.ConfigLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The command line (SPEC §8), parsed by picocli: {@code roster [--config FILE]} runs the server;
 * {@code roster check [--config FILE]} validates a file and starts nothing; {@code --help} and
 * {@code --version} print and exit 0; any other argument is a one-line usage error, exit 2.
 */
@Command(
    name = "roster",
    mixinStandardHelpOptions = true,
    versionProvider = RosterCommand.Version.class,
    subcommands = CheckCommand.class,
    description = {
      "Edge gateway and caching proxy for user directories (Clerk, Lexful).",
      "Runs the server unless a command is given. Exit codes: 0 stopped after SIGTERM/SIGINT,"
          + " 1 could not start, 2 bad configuration or usage.",
      "SIGHUP re-reads the configuration file and logs whether it is valid; a restart applies it."
    })
public final class RosterCommand implements Callable<Integer> {
  /** Picocli's code for a usage error, the SPEC's code for a bad configuration. */
  static final int USAGE = 2;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      scope = ScopeType.INHERIT,
      description = "The YAML configuration (default: $ROSTER_CONFIG, else conf/roster.yaml).")
  String config;

  private final Map<String, String> env;

  RosterCommand(Map<String, String> env) {
    this.env = env;
  }

  /** Runs the command line; the result is the process's exit code. */
  public static int execute(
      String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
    CommandLine line = new CommandLine(new RosterCommand(env), new Factory(env));
    line.setOut(out);
    line.setErr(err);
    line.setParameterExceptionHandler(
        (e, ignored) -> {
          // One line, as nginx and envoy do, rather than picocli's message plus the whole usage.
          err.println("roster: " + e.getMessage() + " (see roster --help)");
          err.flush();
          return USAGE;
        });
    return line.execute(args);
  }

  @Override
  public Integer call() {
    return ServerProcess.run(configPath(), env);
  }

  Path configPath() {
    return ConfigLoader.pathFor(config, env);
  }

  /** {@code roster <version>}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"roster " + BuildVersion.version()};
    }
  }

  /** Gives the commands the environment they were started with (tests pass their own). */
  private record Factory(Map<String, String> env) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == CheckCommand.class) {
        return type.cast(new CheckCommand(env));
      }
      return CommandLine.defaultFactory().create(type);
    }
  }
}
