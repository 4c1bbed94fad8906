package dev.roster.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.Map;

/**
 * The cache-hit path under a constant arrival rate (open model): authenticated reads of single
 * users ({@code GET /{app}/v1/users/{id}}) and of the caller's member list, after a warm-up that
 * fills the cache and lets the JIT settle. Asserts no failed request and a p99 bound on each of
 * the two measured requests.
 *
 * <p>Settings (system properties, or the env names of {@link RosterTarget#setting}): {@code
 * load.rate} arrivals per second for the measured phase (default 2000; 80% user reads, 20% list
 * reads), {@code load.warmupSeconds} (10), {@code load.seconds} (30), {@code load.p99Ms} (100).
 */
public class HitPathSimulation extends Simulation {
  private final RosterTarget target = RosterTarget.fromSettings();
  private final int rate = RosterTarget.intSetting("load.rate", 2000);
  private final int warmupSeconds = RosterTarget.intSetting("load.warmupSeconds", 10);
  private final int seconds = RosterTarget.intSetting("load.seconds", 30);
  private final int p99Ms = RosterTarget.intSetting("load.p99Ms", 100);

  private final FeederBuilder<Object> ids =
      listFeeder(target.userIds().stream().map(id -> Map.<String, Object>of("id", id)).toList())
          .circular();

  // Gatling's own HTTP cache would skip requests while max-age lasts: the point is to send
  // them. Shared connections: the hit path is measured, not a TCP handshake per arrival.
  private final HttpProtocolBuilder protocol =
      http.baseUrl(target.baseUrl)
          .authorizationHeader("Bearer " + target.token)
          .acceptHeader("application/json")
          .disableCaching()
          .disableWarmUp()
          .shareConnections();

  private ChainBuilder userRead(String name) {
    return exec(
        http(name)
            .get(target.usersPath() + "/#{id}")
            .check(status().is(200), header("Cache-Status").exists(), header("ETag").exists()));
  }

  private ChainBuilder listRead(String name) {
    return exec(
        http(name)
            .get(target.usersPath())
            .check(status().is(200), header("Cache-Status").exists()));
  }

  {
    var warmUp =
        scenario("warm-up")
            .feed(ids)
            .exec(userRead("warm-up user"))
            .exec(listRead("warm-up list"));
    var users = scenario("user reads").feed(ids).exec(userRead("user by id"));
    var lists = scenario("list reads").exec(listRead("member list"));
    int listRate = Math.max(1, rate / 5);
    setUp(
            warmUp
                .injectOpen(constantUsersPerSec(Math.max(1, rate / 4)).during(warmupSeconds))
                .andThen(
                    users.injectOpen(
                        constantUsersPerSec(rate - listRate).during(Duration.ofSeconds(seconds))),
                    lists.injectOpen(
                        constantUsersPerSec(listRate).during(Duration.ofSeconds(seconds)))))
        .protocols(protocol)
        .assertions(
            global().failedRequests().percent().is(0.0),
            details("user by id").responseTime().percentile(99.0).lt(p99Ms),
            details("member list").responseTime().percentile(99.0).lt(p99Ms));
  }
}
