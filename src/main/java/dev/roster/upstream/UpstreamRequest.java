package dev.roster.upstream;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

/**
 * One request to an upstream. {@code pathAndQuery} starts with {@code /v1/} and is already
 * encoded; the channel prefixes the upstream's base URL. {@code body} may be null.
 */
public record UpstreamRequest(
    HttpMethod method, String pathAndQuery, MultiMap headers, Buffer body) {

  /** A GET with the given headers. */
  public static UpstreamRequest get(String pathAndQuery, MultiMap headers) {
    return new UpstreamRequest(HttpMethod.GET, pathAndQuery, headers, null);
  }
}
