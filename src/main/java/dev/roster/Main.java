package dev.roster;

import dev.roster.config.ConfigException;
import dev.roster.config.ConfigLoader;
import dev.roster.config.RosterOptions;
import dev.roster.sim.DemoEnvironment;
import dev.roster.time.TimeSource;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Map;
import sun.misc.Signal;

/**
 * Starts Roster: {@code java -jar roster.jar [--config path]}. Exits 2 on a bad configuration
 * (one line naming the key), 1 when it cannot start, 0 after a graceful SIGTERM or SIGINT.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Map<String, String> env = System.getenv();
    RosterOptions options;
    try {
      Path path = ConfigLoader.resolvePath(args, env);
      options = ConfigLoader.load(path, env);
    } catch (ConfigException e) {
      System.err.println("roster: config error: " + e.getMessage());
      System.exit(2);
      return;
    }
    Vertx vertx = Vertx.vertx();
    Future<DemoEnvironment> demo =
        options.demo() == null
            ? Future.succeededFuture()
            : DemoEnvironment.start(vertx, options.demo());
    int loops = Runtime.getRuntime().availableProcessors();
    demo.compose(
            environment ->
                Roster.start(vertx, options, TimeSource.system(), System.out, loops)
                    .onSuccess(roster -> started(vertx, options, roster, environment)))
        .onFailure(
            failure -> {
              if (failure instanceof ConfigException) {
                // A key that parsed but cannot be used (an unreadable PEM key, say).
                System.err.println("roster: config error: " + failure.getMessage());
                System.exit(2);
              }
              System.err.println("roster: failed to start: " + failure.getMessage());
              System.exit(1);
            });
  }

  private static void started(
      Vertx vertx, RosterOptions options, Roster roster, DemoEnvironment demo) {
    System.err.println(
        "roster: listening on public port "
            + roster.publicPort()
            + ", admin port "
            + roster.adminPort());
    if (demo != null) {
      System.out.println(demo.welcome(options, roster.publicPort()));
      System.out.flush();
    }
    Runnable stop =
        () ->
            roster
                .shutdown()
                .transform(ignored -> demo == null ? Future.succeededFuture() : demo.close())
                // Not chained with transform: that would hand the close's completion back to an
                // event loop that vertx.close() has just terminated (RejectedExecutionException).
                .onComplete(ignored -> vertx.close().onComplete(closed -> System.exit(0)));
    Signal.handle(new Signal("TERM"), signal -> stop.run());
    Signal.handle(new Signal("INT"), signal -> stop.run());
  }
}
