package dev.roster.sim.clerk;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Clerk's own OpenAPI description of the Backend API (2026-05-12, a test resource copied from
 * clerk/openapi-specs with its MIT licence) behind Atlassian's swagger-request-validator: every
 * request a Clerk client sends and every answer the simulator gives is checked against it.
 */
final class ClerkContract {
  private static final String SPEC = "/openapi/clerk-bapi-2026-05-12.yml";
  private static volatile OpenApiInteractionValidator validator;

  private ClerkContract() {}

  private static OpenApiInteractionValidator validator() {
    if (validator == null) {
      synchronized (ClerkContract.class) {
        if (validator == null) {
          validator = OpenApiInteractionValidator
              .createForInlineApiSpecification(withDiscriminatorsRequired(read()))
              .build();
        }
      }
    }
    return validator;
  }

  /**
   * The validator's schema checker refuses a {@code oneOf} discriminator unless every branch
   * lists the discriminating property as required; Clerk's verification schemas discriminate on
   * {@code object} without listing it. Listing it makes the check stricter, never laxer (each
   * branch already types it, and every verification the simulator sends carries it); nothing
   * else of the file is changed.
   */
  @SuppressWarnings("unchecked")
  private static String withDiscriminatorsRequired(String yaml) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(16 * 1024 * 1024);
    Map<String, Object> tree = new Yaml(options).load(yaml);
    Map<String, Object> schemas =
        (Map<String, Object>) ((Map<String, Object>) tree.get("components")).get("schemas");
    requireDiscriminators(tree, schemas);
    return new JsonObject(tree).encode();
  }

  @SuppressWarnings("unchecked")
  private static void requireDiscriminators(Object node, Map<String, Object> schemas) {
    if (node instanceof Map<?, ?> map) {
      if (map.get("discriminator") instanceof Map<?, ?> discriminator
          && discriminator.get("propertyName") instanceof String property
          && map.get("oneOf") instanceof List<?> branches) {
        for (Object branch : branches) {
          Object schema = branch;
          if (branch instanceof Map<?, ?> b && b.get("$ref") instanceof String ref) {
            schema = schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
          }
          if (schema instanceof Map<?, ?> target) {
            Map<String, Object> writable = (Map<String, Object>) target;
            List<Object> required = writable.get("required") instanceof List<?> list
                ? new ArrayList<>(list) : new ArrayList<>();
            if (!required.contains(property)) {
              required.add(property);
            }
            writable.put("required", required);
          }
        }
      }
      map.values().forEach(child -> requireDiscriminators(child, schemas));
    } else if (node instanceof List<?> list) {
      list.forEach(child -> requireDiscriminators(child, schemas));
    }
  }

  private static String read() {
    try (InputStream in = ClerkContract.class.getResourceAsStream(SPEC)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Validates one exchange: the request (method, path, query, headers) and the answer (status,
   * content type, body). Returns the messages of every problem, empty when it conforms.
   */
  static List<String> problems(
      String method,
      String path,
      Map<String, List<String>> query,
      Map<String, String> headers,
      HttpResponse<Buffer> response) {
    SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(method), path);
    query.forEach(request::withQueryParam);
    headers.forEach(request::withHeader);
    return messages(validator().validate(request.build(), answer(response)));
  }

  /**
   * Validates only the answer, for requests that break the description on purpose (a limit of
   * 501): the answer must still be one the operation declares.
   */
  static List<String> answerProblems(String method, String path, HttpResponse<Buffer> response) {
    return messages(validator().validateResponse(
        path, Request.Method.valueOf(method), answer(response)));
  }

  private static SimpleResponse answer(HttpResponse<Buffer> response) {
    SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode());
    String contentType = response.getHeader("content-type");
    if (contentType != null) {
      answer.withContentType(contentType);
    }
    if (response.body() != null) {
      answer.withBody(response.bodyAsString());
    }
    return answer.build();
  }

  private static List<String> messages(ValidationReport report) {
    return report.getMessages().stream()
        .map(m -> m.getLevel() + " " + m.getKey() + ": " + m.getMessage())
        .collect(Collectors.toList());
  }
}
