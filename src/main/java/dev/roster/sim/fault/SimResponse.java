package dev.roster.sim.fault;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer a simulated API computed, before faults shape how (or whether) it is sent.
 *
 * @param status HTTP status
 * @param headers extra response headers (Content-Type and Content-Length are set for JSON)
 * @param body the complete body
 */
public record SimResponse(int status, Map<String, String> headers, Buffer body) {
  /** Copies the headers. */
  public SimResponse {
    headers = Map.copyOf(headers);
  }

  /** A JSON answer: {@code body} is encoded with Vert.x's codec (JsonObject, JsonArray, ...). */
  public static SimResponse json(int status, Object body) {
    return new SimResponse(
        status, Map.of("content-type", "application/json"), Buffer.buffer(Json.encode(body)));
  }

  /** The same answer with one more header. */
  public SimResponse withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new SimResponse(status, more, body);
  }
}
