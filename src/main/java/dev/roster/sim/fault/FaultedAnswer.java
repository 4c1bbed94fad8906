package dev.roster.sim.fault;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/** Sends an answer as a fault dictates: whole, replaced, truncated, dripped, cut off or never. */
final class FaultedAnswer {
  private final Vertx vertx;
  private final SimulatedApi api;

  FaultedAnswer(Vertx vertx, SimulatedApi api) {
    this.vertx = vertx;
    this.api = api;
  }

  /** {@code response} is the API's answer; null when the fault replaces it anyway. */
  void send(HttpServerRequest request, Fault fault, SimResponse response) {
    if (fault == null) {
      send(request.response(), response);
      return;
    }
    switch (fault.kind()) {
      case STATUS -> send(request.response(), api.errorFor(fault.status()));
      case RATE_LIMIT -> send(
          request.response(),
          api.errorFor(429).withHeader("retry-after", String.valueOf(fault.retryAfterSeconds())));
      case RESET -> request.connection().close();
      case MALFORMED -> send(request.response(), truncated(response));
      case DRIP -> drip(request.response(), response, fault.millis());
      case HANG -> {
        // Never answered: the client's deadline, or close(), ends the exchange.
      }
      case LATENCY -> send(request.response(), response);
    }
  }

  static void send(HttpServerResponse out, SimResponse response) {
    if (out.closed()) {
      return;
    }
    out.setStatusCode(response.status());
    response.headers().forEach(out::putHeader);
    out.end(response.body());
  }

  private static SimResponse truncated(SimResponse response) {
    Buffer body = response.body();
    int keep = Math.max(1, body.length() / 2);
    Buffer cut = body.length() > 1 ? body.getBuffer(0, keep) : Buffer.buffer("{\"");
    return new SimResponse(200, response.headers(), cut);
  }

  private void drip(HttpServerResponse out, SimResponse response, long millisPerByte) {
    out.setStatusCode(response.status());
    response.headers().forEach(out::putHeader);
    Buffer body = response.body();
    out.putHeader("content-length", String.valueOf(body.length()));
    if (body.length() == 0) {
      out.end();
      return;
    }
    // Headers go out at once (a real server that stalls mid-body); then a byte per tick.
    out.writeHead();
    int[] next = {0};
    long timer = vertx.setPeriodic(
        millisPerByte,
        id -> {
          if (out.closed() || out.ended()) {
            vertx.cancelTimer(id);
            return;
          }
          out.write(body.getBuffer(next[0], next[0] + 1));
          next[0]++;
          if (next[0] == body.length()) {
            vertx.cancelTimer(id);
            out.end();
          }
        });
    out.closeHandler(v -> vertx.cancelTimer(timer));
  }
}
