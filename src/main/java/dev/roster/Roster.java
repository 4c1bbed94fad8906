package dev.roster;

import dev.roster.cluster.Cluster;
import dev.roster.config.RosterOptions;
import dev.roster.http.AccessLogWriter;
import dev.roster.http.AdminRoutes;
import dev.roster.http.AppRuntime;
import dev.roster.http.DemoTokenSource;
import dev.roster.http.PublicRoutes;
import dev.roster.http.PublicServerVerticle;
import dev.roster.http.Readiness;
import dev.roster.http.RequestGuards;
import dev.roster.metrics.RequestMetrics;
import dev.roster.metrics.RuntimeMetrics;
import dev.roster.time.TimeSource;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A running Roster: the apps wired from the options, the public listener (one server per event
 * loop, sharing the port) and the admin listener. The one place that wires everything by hand.
 */
public final class Roster {
  private final Vertx vertx;
  private final RosterOptions options;
  private final Map<String, AppRuntime> apps;
  private final AppWiring wiring;
  /** Null without a {@code cluster} block. */
  private final Cluster cluster;
  private final Readiness readiness;
  private final AccessLogWriter accessLog;
  private final PrometheusMeterRegistry registry;
  private final RuntimeMetrics runtimeMetrics;
  private final DemoTokenSource demoTokens;
  private final List<PublicServerVerticle> publicServers = new CopyOnWriteArrayList<>();
  private String publicDeployment;
  private HttpServer adminServer;

  private Roster(
      Vertx vertx,
      RosterOptions options,
      TimeSource time,
      OutputStream logTarget,
      DemoTokenSource demoTokens) {
    this.vertx = vertx;
    this.options = options;
    this.demoTokens = demoTokens;
    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    this.runtimeMetrics = RuntimeMetrics.register(registry, vertx, BuildVersion.version());
    this.cluster =
        options.cluster() == null ? null : Cluster.create(vertx, options.cluster(), time, registry);
    this.wiring = new AppWiring(vertx, time, registry, cluster);
    this.apps = new LinkedHashMap<>();
    options.apps().values().forEach(app -> apps.put(app.name(), wiring.wire(app)));
    if (cluster != null) {
      cluster.start();
    }
    this.readiness = new Readiness(apps.values(), wiring::upstreamProblems);
    this.accessLog = new AccessLogWriter(logTarget);
  }

  /**
   * Wires the apps, loads their keys (a failed JWKS fetch leaves the app not ready, not the
   * process down), then opens the listeners.
   *
   * @param publicInstances how many event loops serve the public port
   */
  public static Future<Roster> start(
      Vertx vertx,
      RosterOptions options,
      TimeSource time,
      OutputStream accessLogTarget,
      int publicInstances) {
    return start(vertx, options, time, accessLogTarget, publicInstances, null);
  }

  /** As above; in demo mode, {@code demoTokens} also serves the widget's demo page. */
  public static Future<Roster> start(
      Vertx vertx,
      RosterOptions options,
      TimeSource time,
      OutputStream accessLogTarget,
      int publicInstances,
      DemoTokenSource demoTokens) {
    Roster roster = new Roster(vertx, options, time, accessLogTarget, demoTokens);
    List<Future<Void>> keys = new ArrayList<>();
    roster.apps.values().forEach(app -> keys.add(app.verifier().start()));
    return Future.join(keys)
        .transform(ignored -> roster.listen(Math.max(1, publicInstances)))
        .map(roster);
  }

  public int publicPort() {
    return publicServers.get(0).actualPort();
  }

  public int adminPort() {
    return adminServer.actualPort();
  }

  /** Pushes buffered access-log lines out now (a writer thread also does so every 200 ms). */
  public void flushAccessLog() {
    accessLog.flush();
  }

  /**
   * Stops accepting, reports not ready, lets requests in flight finish within {@code
   * server.shutdownGrace}, then closes everything.
   */
  public Future<Void> shutdown() {
    readiness.draining();
    Future<Void> draining =
        publicDeployment == null ? Future.succeededFuture() : vertx.undeploy(publicDeployment);
    return draining
        .transform(
            ignored -> {
              runtimeMetrics.close();
              // Every line of every request answered so far is written before the process ends.
              accessLog.close();
              wiring.channels().forEach(c -> c.close());
              if (cluster != null) {
                cluster.close();
              }
              apps.values().forEach(app -> app.verifier().close());
              return adminServer == null ? Future.<Void>succeededFuture() : adminServer.close();
            });
  }

  private Future<Void> listen(int instances) {
    RequestMetrics metrics = new RequestMetrics(registry);
    HttpServerOptions publicOptions =
        new HttpServerOptions()
            .setHost(options.server().host())
            // Port 0 alone would give each event loop its own random port; Vert.x shares one
            // random port among servers that ask for a negative port.
            .setPort(options.server().port() == 0 ? -1 : options.server().port())
            .setTcpNoDelay(true)
            .setIdleTimeout(60);
    long grace = options.server().shutdownGrace().toMillis();
    return vertx
        .deployVerticle(
            () -> {
              PublicServerVerticle verticle =
                  new PublicServerVerticle(
                      publicOptions,
                      v ->
                          PublicRoutes.handler(
                              v, apps, accessLog, metrics, options.server().trustedProxies(),
                              demoTokens),
                      grace,
                      options.server().requestTimeout());
              publicServers.add(verticle);
              return verticle;
            },
            new DeploymentOptions().setInstances(instances))
        .compose(
            id -> {
              publicDeployment = id;
              HttpServer admin =
                  vertx.createHttpServer(
                      RequestGuards.configure(
                          new HttpServerOptions()
                              .setHost(options.admin().host())
                              .setPort(options.admin().port())));
              return RequestGuards.install(admin, options.server().requestTimeout())
                  .requestHandler(
                      AdminRoutes.create(
                          vertx, apps, registry, readiness, options.admin().token(), accessLog,
                          options.server().trustedProxies()))
                  .listen();
            })
        .map(
            admin -> {
              adminServer = admin;
              readiness.listenersUp();
              return null;
            });
  }
}
