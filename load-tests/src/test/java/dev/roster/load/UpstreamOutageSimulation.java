package dev.roster.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.Map;

/**
 * Reads go on while the upstream fails: after a warm-up that fills the cache, one virtual user
 * turns on a 503 fault on the Clerk simulator ({@code POST /__sim/faults}), keeps it on for
 * {@code load.outageSeconds} and clears it. Reads of users and of the member list run at a
 * constant rate all along and must all be 200: fresh hits first, then stale ones (the outage
 * outlasts {@code cache.ttl}, 60 s in demo mode) served while the refreshes fail.
 *
 * <p>Settings: {@code load.rate} (default 200), {@code load.warmupSeconds} (10), {@code
 * load.outageSeconds} (90), {@code roster.simulatorUrl} (default {@code
 * http://127.0.0.1:18081}, the demo Clerk simulator), plus those of {@link RosterTarget}.
 */
public class UpstreamOutageSimulation extends Simulation {
  private final RosterTarget target = RosterTarget.fromSettings();
  private final int rate = RosterTarget.intSetting("load.rate", 200);
  private final int warmupSeconds = RosterTarget.intSetting("load.warmupSeconds", 10);
  private final int outageSeconds = RosterTarget.intSetting("load.outageSeconds", 90);
  private final String simulator =
      RosterTarget.setting("roster.simulatorUrl", "http://127.0.0.1:18081");

  private final FeederBuilder<Object> ids =
      listFeeder(target.userIds().stream().map(id -> Map.<String, Object>of("id", id)).toList())
          .circular();

  private final HttpProtocolBuilder protocol =
      http.baseUrl(target.baseUrl)
          .acceptHeader("application/json")
          .disableCaching()
          .disableWarmUp()
          .shareConnections();

  {
    String auth = "Bearer " + target.token;
    var reads =
        scenario("reads")
            .feed(ids)
            .exec(
                http("user by id")
                    .get(target.usersPath() + "/#{id}")
                    .header("Authorization", auth)
                    .check(status().is(200), header("Cache-Status").exists()))
            .exec(
                http("member list")
                    .get(target.usersPath())
                    .header("Authorization", auth)
                    .check(status().is(200)));
    var chaos =
        scenario("outage")
            .exec(
                http("fault on")
                    .post(simulator + "/__sim/faults")
                    .body(StringBody("{\"kind\":\"status\",\"status\":503}"))
                    .asJson()
                    .check(status().is(201)))
            .exec(pause(Duration.ofSeconds(outageSeconds)))
            .exec(http("fault off").delete(simulator + "/__sim/faults").check(status().lt(300)));
    int total = warmupSeconds + outageSeconds + 10;
    setUp(
            reads.injectOpen(constantUsersPerSec(rate).during(Duration.ofSeconds(total))),
            chaos.injectOpen(nothingFor(Duration.ofSeconds(warmupSeconds)), atOnceUsers(1)))
        .protocols(protocol)
        .assertions(global().failedRequests().percent().is(0.0));
  }
}
