package dev.roster.sim.fault;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request as a simulator received it: method, path, decoded query parameters (in order,
 * repeated names kept) and headers (names lower-cased). The body is not kept: token requests
 * carry secrets.
 */
public record RecordedRequest(
    String method,
    String path,
    Map<String, List<String>> query,
    Map<String, List<String>> headers,
    long receivedAtMillis) {

  /** Copies the maps so the record stays immutable. */
  public RecordedRequest {
    query = Map.copyOf(query);
    headers = Map.copyOf(headers);
  }

  /** The first value of a header, case-insensitively, or null. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The first value of a query parameter, or null. */
  public String param(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Every value of a (repeated) query parameter, in order; empty when absent. */
  public List<String> params(String name) {
    return query.getOrDefault(name, List.of());
  }
}
