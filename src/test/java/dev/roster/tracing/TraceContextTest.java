package dev.roster.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.Roster;
import dev.roster.config.ConfigLoader;
import dev.roster.config.RosterOptions;
import dev.roster.sim.clerk.ClerkSeed;
import dev.roster.sim.clerk.ClerkSimulator;
import dev.roster.sim.fault.RecordedRequest;
import dev.roster.sim.issuer.TokenIssuerSimulator;
import dev.roster.sim.issuer.TokenSpec;
import dev.roster.time.ManualTimeSource;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.client.WebClient;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * W3C trace context through Roster: with tracing on, a caller's {@code traceparent} reaches the
 * upstream in the same trace and spans are exported over OTLP; with it off, nothing is added.
 */
class TraceContextTest {
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

  private final Vertx sims = Vertx.vertx();
  private final ManualTimeSource time = new ManualTimeSource();
  private final List<String> collected = new CopyOnWriteArrayList<>();
  private Vertx vertx;
  private Tracing tracing;

  @AfterEach
  void stop() {
    if (vertx != null) {
      vertx.close().await();
    }
    sims.close().await();
  }

  private String fetchUser(String tracingYaml, ClerkSimulator clerk, TokenIssuerSimulator issuer) {
    String yaml =
        "server: { host: 127.0.0.1, port: 0 }\n"
            + "admin: { host: 127.0.0.1, port: 0 }\n"
            + tracingYaml
            + "apps:\n  acme:\n    auth:\n      jwksUrl: " + issuer.jwksUrl() + "\n"
            + "    upstreams:\n      clerk:\n        baseUrl: " + clerk.baseUrl() + "\n"
            + "        secretKey: " + ClerkSeed.SECRET_KEY + "\n";
    RosterOptions options = ConfigLoader.parse(yaml, Map.of());
    tracing = Tracing.start(options.tracing());
    vertx = tracing.newVertx();
    Roster roster = Roster.start(vertx, options, time, new ByteArrayOutputStream(), 1).await();
    String token =
        issuer.issue(
            TokenSpec.forSubject(ClerkSeed.ACME_MEMBER_ID)
                .org(ClerkSeed.ACME_ORG_ID, "acme", "org:member")
                .lifetime(Duration.ofHours(1)));
    int status =
        WebClient.create(sims)
            .get(roster.publicPort(), "127.0.0.1", "/acme/v1/users/" + ClerkSeed.ACME_MEMBER_ID)
            .putHeader("Authorization", "Bearer " + token)
            .putHeader("traceparent", TRACEPARENT)
            .send()
            .await()
            .statusCode();
    assertThat(status).isEqualTo(200);
    List<RecordedRequest> calls = clerk.requestsTo("/v1/users/" + ClerkSeed.ACME_MEMBER_ID);
    assertThat(calls).isNotEmpty();
    return calls.get(0).header("traceparent");
  }

  @Test
  void continuesTheCallersTraceIntoTheUpstreamCallAndExportsSpans() throws Exception {
    HttpServer collector =
        sims.createHttpServer()
            .requestHandler(
                req -> {
                  collected.add(req.method() + " " + req.path());
                  req.body().onComplete(b -> req.response().setStatusCode(200).end());
                })
            .listen(0, "127.0.0.1")
            .await();
    ClerkSimulator clerk = ClerkSimulator.start(sims, 0).await();
    TokenIssuerSimulator issuer = TokenIssuerSimulator.start(sims, 0, time).await();

    String sent =
        fetchUser(
            "tracing: { otlpEndpoint: 'http://127.0.0.1:" + collector.actualPort() + "',"
                + " serviceName: roster-test }\n",
            clerk,
            issuer);

    assertThat(((io.vertx.core.internal.VertxInternal) vertx).tracer()).isNotNull();
    assertThat(sent).as("traceparent sent upstream").isNotNull();
    String[] parts = sent.split("-");
    assertThat(parts[1]).as("same trace").isEqualTo(TRACE_ID);
    assertThat(parts[2]).as("a child span of Roster's, not the caller's").isNotEqualTo("00f067aa0ba902b7");
    tracing.close();
    Promise<Void> exported = Promise.promise();
    sims.setPeriodic(
        10,
        id -> {
          if (collected.contains("POST /v1/traces")) {
            sims.cancelTimer(id);
            exported.tryComplete();
          }
        });
    exported.future().await(20, TimeUnit.SECONDS);
    assertThat(collected).contains("POST /v1/traces");
  }

  @Test
  void addsNothingUpstreamWhenTracingIsOff() {
    ClerkSimulator clerk = ClerkSimulator.start(sims, 0).await();
    TokenIssuerSimulator issuer = TokenIssuerSimulator.start(sims, 0, time).await();

    String sent = fetchUser("", clerk, issuer);

    assertThat(tracing.enabled()).isFalse();
    assertThat(((io.vertx.core.internal.VertxInternal) vertx).tracer())
        .as("free when off: no tracer in Vert.x")
        .isNull();
    assertThat(sent).as("no tracer installed, nothing propagated").isNull();
  }

  @Test
  void appendsTheTracesPathToTheCollectorsBaseUrl() {
    assertThat(Tracing.tracesUrl("http://otel:4318")).isEqualTo("http://otel:4318/v1/traces");
    assertThat(Tracing.tracesUrl("http://otel:4318/")).isEqualTo("http://otel:4318/v1/traces");
    assertThat(Tracing.tracesUrl("http://otel:4318/v1/traces"))
        .isEqualTo("http://otel:4318/v1/traces");
  }
}
