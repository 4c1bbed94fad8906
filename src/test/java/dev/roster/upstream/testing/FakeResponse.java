package dev.roster.upstream.testing;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;

/** One programmed answer of {@link FakeUpstream}. */
public record FakeResponse(int status, MultiMap headers, Buffer body) {

  /** {@code value} encoded as JSON (a JsonObject, JsonArray, list, map, ...). */
  public static FakeResponse json(int status, Object value) {
    return raw(status, "application/json", Json.encode(value));
  }

  /** A body sent as it is, e.g. truncated or non-JSON text. */
  public static FakeResponse raw(int status, String contentType, String body) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("content-type", contentType);
    return new FakeResponse(status, headers, Buffer.buffer(body));
  }

  /** A status with an empty body. */
  public static FakeResponse status(int status) {
    return new FakeResponse(status, MultiMap.caseInsensitiveMultiMap(), Buffer.buffer());
  }
}
