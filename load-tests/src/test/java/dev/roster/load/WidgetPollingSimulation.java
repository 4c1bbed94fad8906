package dev.roster.load;

import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;

/**
 * Many browser widgets polling their organisation's member list: each virtual user (its own
 * connection) reads the list once, keeps the ETag, then re-reads it every {@code
 * load.pollSeconds} with {@code If-None-Match} and expects 304s with no body. Asserts no failed
 * request and a p99 bound on the polls.
 *
 * <p>Settings: {@code load.widgets} (default 2000), {@code load.pollSeconds} (2), {@code
 * load.rampSeconds} (10), {@code load.seconds} (60), {@code load.p99Ms} (100), plus those of
 * {@link RosterTarget}.
 */
public class WidgetPollingSimulation extends Simulation {
  private final RosterTarget target = RosterTarget.fromSettings();
  private final int widgets = RosterTarget.intSetting("load.widgets", 2000);
  private final int pollSeconds = RosterTarget.intSetting("load.pollSeconds", 2);
  private final int rampSeconds = RosterTarget.intSetting("load.rampSeconds", 10);
  private final int seconds = RosterTarget.intSetting("load.seconds", 60);
  private final int p99Ms = RosterTarget.intSetting("load.p99Ms", 100);

  private final HttpProtocolBuilder protocol =
      http.baseUrl(target.baseUrl)
          .authorizationHeader("Bearer " + target.token)
          .acceptHeader("application/json")
          .disableCaching()
          .disableWarmUp();

  {
    var widget =
        scenario("widget")
            .exec(
                http("first load")
                    .get(target.usersPath())
                    .check(status().is(200), header("ETag").saveAs("etag")))
            .exec(
                during(Duration.ofSeconds(seconds))
                    .on(
                        pace(Duration.ofSeconds(pollSeconds))
                            .exec(
                                http("poll")
                                    .get(target.usersPath())
                                    .header("If-None-Match", "#{etag}")
                                    .check(status().is(304)))));
    setUp(widget.injectOpen(rampUsers(widgets).during(Duration.ofSeconds(rampSeconds))))
        .protocols(protocol)
        .assertions(
            global().failedRequests().percent().is(0.0),
            details("poll").responseTime().percentile(99.0).lt(p99Ms));
  }
}
