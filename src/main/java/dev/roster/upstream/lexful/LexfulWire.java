package dev.roster.upstream.lexful;

import dev.roster.upstream.FailureKind;
import dev.roster.upstream.UpstreamFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Strict reads of Lexful's wire JSON: a field of the wrong type is a MALFORMED upstream answer,
 * not a coercion. Messages name the field, never its value.
 */
final class LexfulWire {
  private LexfulWire() {}

  static UpstreamFailure malformed(String what) {
    return new UpstreamFailure(FailureKind.MALFORMED, "Lexful sent a malformed " + what);
  }

  /** A string that must be present and non-empty. */
  static String requiredString(JsonObject json, String key, String what) {
    String value = string(json, key, what);
    if (value == null || value.isEmpty()) {
      throw malformed(what + " without " + key);
    }
    return value;
  }

  /** A nullable string; absent reads as null. */
  static String string(JsonObject json, String key, String what) {
    Object value = json.getValue(key);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw malformed(what + " (" + key + " is not a string)");
  }

  /** An ISO-8601 date-time that must be present, as epoch milliseconds (no offset means UTC). */
  static long requiredInstant(JsonObject json, String key, String what) {
    String text = requiredString(json, key, what);
    try {
      return OffsetDateTime.parse(text).toInstant().toEpochMilli();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli();
      } catch (DateTimeParseException e) {
        throw malformed(what + " (" + key + " is not an ISO-8601 date-time)");
      }
    }
  }

  /** A JSON object that must be present. */
  static JsonObject requiredObject(Object value, String what) {
    if (value instanceof JsonObject object) {
      return object;
    }
    throw malformed(what + " (not an object)");
  }

  /** An array that must be present. */
  static JsonArray requiredArray(JsonObject json, String key, String what) {
    Object value = json.getValue(key);
    if (value instanceof JsonArray array) {
      return array;
    }
    throw malformed(what + " (" + key + " is not an array)");
  }

  /** A non-negative integral number that must be present (paging totals). */
  static long requiredCount(JsonObject json, String key, String what) {
    Object value = json.getValue(key);
    if ((value instanceof Integer || value instanceof Long) && ((Number) value).longValue() >= 0) {
      return ((Number) value).longValue();
    }
    throw malformed(what + " (" + key + " is not a count)");
  }

  /** A value kept as the upstream sent it, copied so nothing is shared with the wire. */
  static Object copied(JsonObject json, String key) {
    Object value = json.getValue(key);
    if (value instanceof JsonObject object) {
      return object.copy();
    }
    if (value instanceof JsonArray array) {
      return array.copy();
    }
    return value;
  }
}
