package dev.roster.cluster;

import io.vertx.redis.client.Response;
import java.util.HashMap;
import java.util.Map;

/** The fields of an {@code HGETALL} reply, whether RESP3 sent a map or RESP2 a flat array. */
final class Fields {
  private final Map<String, Response> values;

  private Fields(Map<String, Response> values) {
    this.values = values;
  }

  static Fields of(Response hash) {
    Map<String, Response> values = new HashMap<>();
    if (hash != null) {
      if (hash.isMap()) {
        for (String key : hash.getKeys()) {
          values.put(key, hash.get(key));
        }
      } else {
        for (int i = 0; i + 1 < hash.size(); i += 2) {
          values.put(hash.get(i).toString(), hash.get(i + 1));
        }
      }
    }
    return new Fields(values);
  }

  boolean isEmpty() {
    return values.isEmpty();
  }

  long number(String field) {
    Response value = values.get(field);
    try {
      return value == null ? 0 : Long.parseLong(value.toString());
    } catch (NumberFormatException notANumber) {
      return 0;
    }
  }

  byte[] bytes(String field) {
    Response value = values.get(field);
    return value == null ? null : value.toBytes();
  }
}
