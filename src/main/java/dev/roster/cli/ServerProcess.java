package dev.roster.cli;

import dev.roster.Roster;
import dev.roster.config.ConfigException;
import dev.roster.config.RosterOptions;
import dev.roster.logging.LogBackend;
import dev.roster.sim.DemoEnvironment;
import dev.roster.time.TimeSource;
import dev.roster.tracing.Tracing;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * The server as a process: checks the configuration, starts the demo simulators when asked,
 * starts Roster, and waits. SIGTERM and SIGINT drain and exit 0; SIGHUP re-reads the file and
 * logs whether it is valid (nothing is reloaded live: a restart applies it, as with Envoy's
 * static config, so a half-applied change can never serve).
 */
final class ServerProcess {
  private static final Logger LOG = LoggerFactory.getLogger(ServerProcess.class);

  private ServerProcess() {}

  /** Runs until stopped; returns the exit code (0 stopped, 1 could not start, 2 bad config). */
  static int run(Path path, Map<String, String> env) {
    ConfigCheck checked;
    try {
      checked = ConfigCheck.run(path, env);
    } catch (ConfigException e) {
      LOG.error("config error: {}", e.getMessage());
      return 2;
    }
    RosterOptions options = checked.options();
    LogBackend.applyLevel(options.logging(), env);
    if (checked.warning() != null) {
      LOG.warn(checked.warning());
    }
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    Tracing tracing = Tracing.start(options.tracing());
    Vertx vertx = tracing.newVertx();
    if (tracing.enabled()) {
      LOG.info(
          "tracing on: spans to {}, sample ratio {}",
          options.tracing().otlpEndpoint(),
          options.tracing().sampleRatio());
    }
    Future<DemoEnvironment> demo =
        options.demo() == null
            ? Future.succeededFuture()
            : DemoEnvironment.start(vertx, options.demo());
    int loops = Runtime.getRuntime().availableProcessors();
    demo.compose(
            environment ->
                Roster.start(
                        vertx, options, TimeSource.system(), System.out, loops,
                        environment == null
                            ? null
                            : (app, large) ->
                                environment.pageToken(options.apps().get(app), large))
                    .onSuccess(roster -> started(vertx, options, roster, environment, exit)))
        .onFailure(
            failure -> {
              if (failure instanceof ConfigException) {
                // A key that parsed but cannot be used (an unreadable PEM key, say).
                LOG.error("config error: {}", failure.getMessage());
                exit.complete(2);
              } else {
                LOG.error("failed to start: {}", failure.getMessage());
                exit.complete(1);
              }
            });
    Signal.handle(new Signal("HUP"), signal -> reread(path, env));
    int code = exit.join();
    // Off the event loops: exporting the last spans may take a moment.
    tracing.close();
    return code;
  }

  private static void started(
      Vertx vertx,
      RosterOptions options,
      Roster roster,
      DemoEnvironment demo,
      CompletableFuture<Integer> exit) {
    LOG.info(
        "listening on public port {}, admin port {} (roster {}, {} event loops)",
        roster.publicPort(),
        roster.adminPort(),
        dev.roster.BuildVersion.version(),
        Runtime.getRuntime().availableProcessors());
    if (demo != null) {
      System.out.println(demo.welcome(options, roster.publicPort()));
      System.out.flush();
    }
    Runnable stop =
        () -> {
          LOG.info(
              "draining: not ready, no new connections, requests in flight have {} ms",
              options.server().shutdownGrace().toMillis());
          roster
              .shutdown()
              .transform(ignored -> demo == null ? Future.succeededFuture() : demo.close())
              .onComplete(
                  ignored -> {
                    LOG.info("stopped");
                    // Vert.x itself is not closed: its close completes on an event loop it has
                    // just stopped, and the process exits now anyway, every listener closed.
                    exit.complete(0);
                  });
        };
    Signal.handle(new Signal("TERM"), signal -> stop.run());
    Signal.handle(new Signal("INT"), signal -> stop.run());
  }

  private static void reread(Path path, Map<String, String> env) {
    try {
      ConfigCheck checked = ConfigCheck.run(path, env);
      LOG.atInfo()
          .addKeyValue("warning", checked.warning())
          .log("SIGHUP: {} is valid; restart Roster to apply it (nothing was reloaded)", path);
    } catch (ConfigException e) {
      LOG.warn("SIGHUP: {} is not valid, the running configuration stays: {}", path, e.getMessage());
    }
  }
}
