package dev.roster.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.sim.clerk.ClerkSeed;
import dev.roster.sim.clerk.ClerkSimulator;
import dev.roster.sim.fault.Fault;
import dev.roster.sim.issuer.TokenIssuerSimulator;
import dev.roster.sim.issuer.TokenSpec;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM to the real process during load: no request dropped, not ready while draining, 0. */
class GracefulShutdownTest {
  private static final Pattern PORTS =
      Pattern.compile("listening on public port (\\d+), admin port (\\d+)");

  private final Vertx vertx = Vertx.vertx();
  private final List<String> stderr = new java.util.concurrent.CopyOnWriteArrayList<>();
  private Thread stderrReader;
  private Process process;

  @AfterEach
  void stop() {
    if (process != null) {
      process.destroyForcibly();
    }
    vertx.close().await();
  }

  @Test
  void drainsRequestsInFlightOnSigtermThenExitsZero(@TempDir Path dir) throws Exception {
    ClerkSimulator clerk = ClerkSimulator.start(vertx, 0).await();
    TokenIssuerSimulator issuer = TokenIssuerSimulator.start(vertx, 0).await();
    clerk.faults().add(Fault.latency(1500));
    Path config = dir.resolve("roster.yaml");
    Files.writeString(
        config,
        "server: { host: 127.0.0.1, port: 0, shutdownGrace: 8s }\n"
            + "admin: { host: 127.0.0.1, port: 0 }\n"
            + "apps:\n  acme:\n    auth:\n"
            + "      jwksUrl: " + issuer.jwksUrl() + "\n"
            + "    upstreams:\n      clerk:\n"
            + "        baseUrl: " + clerk.baseUrl() + "\n"
            + "        secretKey: " + ClerkSeed.SECRET_KEY + "\n"
            + "        timeout: 5s\n"
            // One upstream request per held read, so the test sees all 40 arrive and wait.
            + "        batchWindow: 0ms\n"
            // The seed's key is a development key (default 9 per second): all 40 go out at once.
            + "        requestsPerSecond: 100\n");
    process =
        new ProcessBuilder(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.roster.Main",
                "--config",
                config.toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    int[] ports = readPorts(process);
    WebClient client =
        WebClient.create(vertx, new WebClientOptions(), new PoolOptions().setHttp1MaxSize(100));

    List<Future<HttpResponse<Buffer>>> inFlight = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String user = ClerkSeed.bigOrgUserId(i);
      String token =
          issuer.issue(TokenSpec.forSubject(user).lifetime(Duration.ofHours(1)));
      inFlight.add(
          client
              .get(ports[0], "127.0.0.1", "/acme/v1/users/" + user)
              .putHeader("Authorization", "Bearer " + token)
              .send());
    }
    awaitUpstreamRequests(clerk, 40);
    process.destroy();
    int readyWhileDraining = awaitNotReady(client, ports[1]);

    Future.join(inFlight).await();
    assertThat(inFlight).allSatisfy(f -> assertThat(f.result().statusCode()).isEqualTo(200));
    assertThat(readyWhileDraining).isEqualTo(503);
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    // An orderly shutdown is an expected event: no exception on standard error.
    stderrReader.join(5_000);
    assertThat(stderr).noneMatch(line -> line.contains("Exception") || line.contains("SEVERE"));
  }

  private int[] readPorts(Process process) throws Exception {
    BufferedReader err =
        new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = err.readLine()) != null) {
      Matcher matcher = PORTS.matcher(line);
      if (matcher.find()) {
        Thread drain = new Thread(() -> err.lines().forEach(stderr::add));
        drain.setDaemon(true);
        drain.start();
        stderrReader = drain;
        return new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))};
      }
    }
    throw new AssertionError("Roster exited before listening");
  }

  /** Waits, checking the simulator's log on a timer, until the users are asked upstream. */
  private void awaitUpstreamRequests(ClerkSimulator clerk, int count) throws Exception {
    Promise<Void> held = Promise.promise();
    vertx.setPeriodic(
        5,
        id -> {
          if (usersAsked(clerk) >= count) {
            vertx.cancelTimer(id);
            held.tryComplete();
          }
        });
    held.future().await(20, TimeUnit.SECONDS);
    assertThat(usersAsked(clerk)).isEqualTo(count);
  }

  /** Users asked of Clerk, one by one or several in a batched read. */
  private static int usersAsked(ClerkSimulator clerk) {
    int asked = 0;
    for (var request : clerk.requestsTo("/v1/users")) {
      asked += request.path().startsWith("/v1/users/") ? 1 : request.params("user_id").size();
    }
    return asked;
  }

  /** Polls readiness until it reports 503 (draining), or the admin port goes away. */
  private static int awaitNotReady(WebClient client, int adminPort) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      Future<HttpResponse<Buffer>> ready =
          client.get(adminPort, "127.0.0.1", "/health/ready").send();
      ready.transform(ar -> Future.succeededFuture()).await();
      if (ready.succeeded() && ready.result().statusCode() == 503) {
        return 503;
      }
    }
    return -1;
  }
}
