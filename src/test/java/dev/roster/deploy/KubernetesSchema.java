package dev.roster.deploy;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes API schemas that fabric8's model jars carry ({@code schema/validation-schema.json},
 * generated from the API's OpenAPI), read as a strict checker: every field must be one the schema
 * names (their {@code additionalProperties: true} is ignored: an unknown field is what a typo
 * looks like, and the API server would drop it silently), every value of the type it declares.
 * Written by hand because the schemas are fabric8's dialect ({@code existingJavaType} for
 * int-or-string and quantities), which a generic JSON Schema validator reads too loosely.
 */
final class KubernetesSchema {
  private final Map<String, JsonObject> definitions = new HashMap<>();

  KubernetesSchema() {
    try {
      for (URL url : Collections.list(
          getClass().getClassLoader().getResources("schema/validation-schema.json"))) {
        try (InputStream in = url.openStream()) {
          JsonObject schema = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          JsonObject defs = schema.getJsonObject("definitions");
          defs.fieldNames().forEach(name -> definitions.put(name, defs.getJsonObject(name)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every problem of one manifest, as {@code path: what}; empty when it is valid. */
  List<String> validate(Map<String, Object> manifest) {
    List<String> problems = new ArrayList<>();
    String apiVersion = String.valueOf(manifest.get("apiVersion"));
    String kind = String.valueOf(manifest.get("kind"));
    JsonObject root = definitionOf(apiVersion, kind);
    if (root == null) {
      problems.add(kind + ": no schema for " + apiVersion + " " + kind);
      return problems;
    }
    check(root, manifest, kind, problems);
    return problems;
  }

  private JsonObject definitionOf(String apiVersion, String kind) {
    for (JsonObject def : definitions.values()) {
      JsonObject props = def.getJsonObject("properties");
      if (props != null
          && props.getJsonObject("apiVersion") != null
          && props.getJsonObject("kind") != null
          && apiVersion.equals(props.getJsonObject("apiVersion").getString("default"))
          && kind.equals(props.getJsonObject("kind").getString("default"))) {
        return def;
      }
    }
    return null;
  }

  private JsonObject resolve(JsonObject schema) {
    String ref = schema.getString("$ref");
    if (ref == null) {
      return schema;
    }
    JsonObject target = definitions.get(ref.substring(ref.lastIndexOf('/') + 1));
    if (target == null) {
      throw new IllegalStateException("unresolved " + ref);
    }
    // The referencing node's existingJavaType (IntOrString, Quantity) says how to read it.
    JsonObject merged = target.copy();
    if (schema.getString("existingJavaType") != null) {
      merged.put("existingJavaType", schema.getString("existingJavaType"));
    }
    return merged;
  }

  @SuppressWarnings("unchecked")
  private void check(JsonObject schemaOrRef, Object value, String path, List<String> problems) {
    JsonObject schema = resolve(schemaOrRef);
    String javaType = schema.getString("existingJavaType", "");
    if (value == null) {
      return;
    }
    if (javaType.endsWith("IntOrString")) {
      expect(value instanceof Integer || value instanceof String, path, "int or string", value, problems);
      return;
    }
    if (javaType.endsWith("Quantity")) {
      expect(value instanceof Number || value instanceof String, path, "quantity", value, problems);
      return;
    }
    String type = schema.getString("type", "object");
    switch (type) {
      case "string" -> expect(value instanceof String, path, "string", value, problems);
      case "integer" ->
          expect(value instanceof Integer || value instanceof Long, path, "integer", value, problems);
      case "number" -> expect(value instanceof Number, path, "number", value, problems);
      case "boolean" -> expect(value instanceof Boolean, path, "boolean", value, problems);
      case "array" -> {
        if (expect(value instanceof List, path, "list", value, problems)) {
          List<Object> items = (List<Object>) value;
          for (int i = 0; i < items.size(); i++) {
            check(schema.getJsonObject("items"), items.get(i), path + "[" + i + "]", problems);
          }
        }
      }
      default -> {
        if (!expect(value instanceof Map, path, "mapping", value, problems)) {
          return;
        }
        Map<String, Object> map = (Map<String, Object>) value;
        JsonObject props = schema.getJsonObject("properties");
        Object additional = schema.getValue("additionalProperties");
        if (props == null || props.isEmpty()) {
          if (additional instanceof JsonObject valueSchema) {
            map.forEach((k, v) -> check(valueSchema, v, path + "." + k, problems));
          }
          return; // a free-form object (e.g. RawExtension)
        }
        map.forEach(
            (k, v) -> {
              JsonObject field = props.getJsonObject(k);
              if (field == null) {
                problems.add(path + "." + k + ": unknown field");
              } else {
                check(field, v, path + "." + k, problems);
              }
            });
      }
    }
  }

  private static boolean expect(
      boolean ok, String path, String type, Object value, List<String> problems) {
    if (!ok) {
      problems.add(path + ": expected " + type + ", got " + value.getClass().getSimpleName());
    }
    return ok;
  }
}
