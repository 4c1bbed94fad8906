package dev.roster.sim.fault;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP front shared by the simulators: listens on 127.0.0.1, records every API request in a
 * {@link RequestLog}, lets the {@link FaultPlan} shape the answer of the {@link SimulatedApi},
 * and serves the unauthenticated admin routes {@code POST/GET/DELETE /__sim/faults}, {@code
 * GET/DELETE /__sim/requests} (admin requests are neither logged nor faulted).
 */
public final class SimulatorServer {
  /** The prefix of the admin routes. */
  public static final String ADMIN_PREFIX = "/__sim/";

  private final Vertx vertx;
  private final SimulatedApi api;
  private final FaultPlan faults;
  private final RequestLog log;
  private final FaultedAnswer answers;
  private HttpServer server;

  private SimulatorServer(Vertx vertx, SimulatedApi api, FaultPlan faults, RequestLog log) {
    this.vertx = vertx;
    this.api = api;
    this.faults = faults;
    this.log = log;
    this.answers = new FaultedAnswer(vertx, api);
  }

  /** Starts listening on 127.0.0.1:{@code port} (0 picks a free port). */
  public static Future<SimulatorServer> start(
      Vertx vertx, int port, SimulatedApi api, FaultPlan faults, RequestLog log) {
    SimulatorServer front = new SimulatorServer(vertx, api, faults, log);
    return vertx
        .createHttpServer(new HttpServerOptions().setHost("127.0.0.1"))
        .requestHandler(front::dispatch)
        .listen(port, "127.0.0.1")
        .map(
            server -> {
              front.server = server;
              return front;
            });
  }

  /** The bound port. */
  public int port() {
    return server.actualPort();
  }

  /** Stops listening and closes open connections (hung requests included). */
  public Future<Void> close() {
    return server.close();
  }

  private void dispatch(HttpServerRequest request) {
    RecordedRequest recorded = record(request);
    request
        .body()
        .onSuccess(body -> answer(request, recorded, body))
        .onFailure(e -> request.connection().close());
  }

  private void answer(HttpServerRequest request, RecordedRequest recorded, Buffer body) {
    if (recorded.path().startsWith(ADMIN_PREFIX)) {
      FaultedAnswer.send(request.response(), admin(recorded, body));
      return;
    }
    log.record(recorded);
    FaultPlan.Decision decision = faults.take(recorded.path());
    SimResponse response = decision.fault() == null
        || decision.fault().kind() == FaultKind.MALFORMED
        || decision.fault().kind() == FaultKind.DRIP
        ? api.handle(recorded, body)
        : null;
    if (decision.delayMillis() > 0) {
      vertx.setTimer(
          decision.delayMillis(), id -> answers.send(request, decision.fault(), response));
    } else {
      answers.send(request, decision.fault(), response);
    }
  }

  private SimResponse admin(RecordedRequest request, Buffer body) {
    String route = request.method() + " " + request.path();
    switch (route) {
      case "POST /__sim/faults":
        try {
          Fault fault = Fault.fromJson(body.toJsonObject());
          faults.add(fault);
          return SimResponse.json(201, fault.toJson());
        } catch (RuntimeException e) {
          return SimResponse.json(400, Map.of("error", String.valueOf(e.getMessage())));
        }
      case "GET /__sim/faults":
        return SimResponse.json(200, faults.active().stream().map(Fault::toJson).toList());
      case "DELETE /__sim/faults":
        faults.clear();
        return new SimResponse(204, Map.of(), Buffer.buffer());
      case "GET /__sim/requests":
        return SimResponse.json(
            200, Map.of("count", log.requestCount(), "byPath", log.countsByPath()));
      case "DELETE /__sim/requests":
        log.clear();
        return new SimResponse(204, Map.of(), Buffer.buffer());
      default:
        SimResponse own = api.handleAdmin(request, body);
        return own != null ? own : SimResponse.json(404, Map.of("error", "no such admin route"));
    }
  }

  private static RecordedRequest record(HttpServerRequest request) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    request.params().forEach(e -> query.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
        .add(e.getValue()));
    Map<String, List<String>> headers = new LinkedHashMap<>();
    request.headers().forEach(e -> headers
        .computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
        .add(e.getValue()));
    query.replaceAll((k, v) -> List.copyOf(v));
    headers.replaceAll((k, v) -> List.copyOf(v));
    return new RecordedRequest(
        request.method().name(), request.path(), query, headers, System.currentTimeMillis());
  }
}
