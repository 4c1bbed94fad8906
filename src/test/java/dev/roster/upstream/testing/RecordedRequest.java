package dev.roster.upstream.testing;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** What {@link FakeUpstream} was sent: method, path, raw query, decoded params, headers, body. */
public record RecordedRequest(
    HttpMethod method, String path, String query, MultiMap params, MultiMap headers, Buffer body) {

  /** The first value of a query parameter, or null. */
  public String param(String name) {
    return params.get(name);
  }

  /** Every value of a repeated query parameter, in order. */
  public List<String> params(String name) {
    return params.getAll(name);
  }

  /** The first value of a header (case-insensitive), or null. */
  public String header(String name) {
    return headers.get(name);
  }

  public JsonObject bodyAsJson() {
    return body.toJsonObject();
  }
}
