package dev.roster.upstream.clerk;

import dev.roster.upstream.VendorAnswers;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Strict reads of Clerk's wire JSON. Vert.x's getters coerce (a number read as a string) or
 * throw ClassCastException; here a field of the wrong type is a MALFORMED upstream answer.
 * Messages name the field, never its value.
 */
final class ClerkWire {
  private ClerkWire() {}

  /** The reading shared by every vendor, named for this one. */
  static final VendorAnswers JSON = new VendorAnswers("Clerk", ClerkWire::isNotFoundBody);

  /** Clerk's own 404: {@code {"errors": [{"code": "resource_not_found", ...}], ...}}. */
  static boolean isNotFoundBody(JsonObject body) {
    return body.getValue("errors") instanceof JsonArray errors
        && !errors.isEmpty()
        && errors.getValue(0) instanceof JsonObject first
        && "resource_not_found".equals(first.getValue("code"));
  }

  /** A boolean that reads as false when absent or null. */
  static boolean bool(JsonObject json, String key, String what) {
    Object value = json.getValue(key);
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    throw JSON.malformed(what + " (" + key + " is not a boolean)");
  }

  /** A nullable integral number (Clerk's Unix-millisecond timestamps). */
  static Long integer(JsonObject json, String key, String what) {
    Object value = json.getValue(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger || value instanceof BigDecimal
        || value instanceof Double || value instanceof Float) {
      try {
        return new BigDecimal(value.toString()).longValueExact();
      } catch (ArithmeticException | NumberFormatException e) {
        throw JSON.malformed(what + " (" + key + " is not an integer)");
      }
    }
    throw JSON.malformed(what + " (" + key + " is not an integer)");
  }

  /** An integral number that must be present. */
  static long requiredInteger(JsonObject json, String key, String what) {
    Long value = integer(json, key, what);
    if (value == null) {
      throw JSON.malformed(what + " without " + key);
    }
    return value;
  }

  /** A nullable object; absent reads as null. */
  static JsonObject object(JsonObject json, String key, String what) {
    Object value = json.getValue(key);
    if (value == null || value instanceof JsonObject) {
      return (JsonObject) value;
    }
    throw JSON.malformed(what + " (" + key + " is not an object)");
  }

  /** An object copied so the result shares nothing with the wire; absent or null reads as {}. */
  static JsonObject objectOrEmpty(JsonObject json, String key, String what) {
    JsonObject value = object(json, key, what);
    return value == null ? new JsonObject() : value.copy();
  }

  /** An array; absent or null reads as empty. */
  static JsonArray arrayOrEmpty(JsonObject json, String key, String what) {
    Object value = json.getValue(key);
    if (value == null) {
      return new JsonArray();
    }
    if (value instanceof JsonArray array) {
      return array;
    }
    throw JSON.malformed(what + " (" + key + " is not an array)");
  }

  /** The element of an array that must be an object. */
  static JsonObject element(JsonArray array, int index, String what) {
    Object value = array.getValue(index);
    if (value instanceof JsonObject object) {
      return object;
    }
    throw JSON.malformed(what + " (an element is not an object)");
  }
}
