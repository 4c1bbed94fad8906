package dev.roster.cluster;

import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * One change shared through the events stream, as the JSON kept in field {@code m} of a stream
 * entry: {@code {"v":1,"id","src","at","app","type","key",...}}. Types: {@code user.upserted}
 * (with {@code user}, the normalised user), {@code user.deleted}, {@code user.evicted}, {@code
 * org.changed}, {@code app.cleared}, {@code upstream.hold} (with {@code until}, epoch ms; {@code
 * key} is the credential hash) and {@code cluster.clear}.
 */
record ClusterEvent(JsonObject json) {
  static final int VERSION = 1;
  static final String USER_UPSERTED = "user.upserted";
  static final String USER_DELETED = "user.deleted";
  static final String USER_EVICTED = "user.evicted";
  static final String ORG_CHANGED = "org.changed";
  static final String APP_CLEARED = "app.cleared";
  static final String UPSTREAM_HOLD = "upstream.hold";
  static final String CLUSTER_CLEAR = "cluster.clear";

  static ClusterEvent of(String src, long atMillis, String app, String type, String key) {
    JsonObject json = new JsonObject()
        .put("v", VERSION)
        .put("id", UUID.randomUUID().toString())
        .put("src", src)
        .put("at", atMillis)
        .put("type", type);
    if (app != null) {
      json.put("app", app);
    }
    if (key != null) {
      json.put("key", key);
    }
    return new ClusterEvent(json);
  }

  ClusterEvent with(String field, Object value) {
    json.put(field, value);
    return this;
  }

  int version() {
    return json.getInteger("v", 0);
  }

  String src() {
    return json.getString("src");
  }

  long at() {
    return json.getLong("at", 0L);
  }

  String app() {
    return json.getString("app");
  }

  String type() {
    return json.getString("type");
  }

  String key() {
    return json.getString("key");
  }

  String encode() {
    return json.encode();
  }

  /** The event in {@code text}, or null when it is not a JSON object. */
  static ClusterEvent decode(String text) {
    try {
      return new ClusterEvent(new JsonObject(text));
    } catch (RuntimeException notJson) {
      return null;
    }
  }
}
