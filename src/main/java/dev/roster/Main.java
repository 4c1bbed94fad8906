package dev.roster;

import dev.roster.cli.RosterCommand;
import dev.roster.logging.LogBackend;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * {@code java -jar roster.jar [--config FILE] | check --config FILE | --help | --version}: the
 * command line is {@link RosterCommand}. Exits 2 on a bad configuration or usage, 1 when Roster
 * cannot start, 0 after {@code --help}, {@code --version}, a good {@code check}, or a graceful
 * SIGTERM or SIGINT.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    LogBackend.install();
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(RosterCommand.execute(args, System.getenv(), out, err));
  }
}
