package dev.roster.upstream.lexful;

import dev.roster.upstream.VendorAnswers;
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

  /** The reading shared by every vendor, named for this one. */
  static final VendorAnswers JSON = new VendorAnswers("Lexful", LexfulWire::isNotFoundBody);

  /**
   * Lexful's own error body for a 404: {@code {"status": 404, "message": ..., ...}} (its
   * documented error shape; the values of {@code error_code} are not documented, so the status
   * and message are what is required).
   */
  static boolean isNotFoundBody(JsonObject body) {
    return body.getValue("status") instanceof Number status
        && status.intValue() == 404
        && body.getValue("message") instanceof String;
  }

  /** An ISO-8601 date-time that must be present, as epoch milliseconds (no offset means UTC). */
  static long requiredInstant(JsonObject json, String key, String what) {
    String text = JSON.requiredString(json, key, what);
    try {
      return OffsetDateTime.parse(text).toInstant().toEpochMilli();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli();
      } catch (DateTimeParseException e) {
        throw JSON.malformed(what + " (" + key + " is not an ISO-8601 date-time)");
      }
    }
  }

  /** A JSON object that must be present. */
  static JsonObject requiredObject(Object value, String what) {
    if (value instanceof JsonObject object) {
      return object;
    }
    throw JSON.malformed(what + " (not an object)");
  }

  /** An array that must be present. */
  static JsonArray requiredArray(JsonObject json, String key, String what) {
    Object value = json.getValue(key);
    if (value instanceof JsonArray array) {
      return array;
    }
    throw JSON.malformed(what + " (" + key + " is not an array)");
  }

  /** A non-negative integral number that must be present (paging totals). */
  static long requiredCount(JsonObject json, String key, String what) {
    Object value = json.getValue(key);
    if ((value instanceof Integer || value instanceof Long) && ((Number) value).longValue() >= 0) {
      return ((Number) value).longValue();
    }
    throw JSON.malformed(what + " (" + key + " is not a count)");
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
