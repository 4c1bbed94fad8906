package dev.roster.upstream.testing;

import io.vertx.core.json.jackson.JacksonCodec;
import io.vertx.core.spi.JsonFactory;
import io.vertx.core.spi.json.JsonCodec;

/**
 * Keeps the tests on the JSON codec production uses. The OpenAPI validator (test scope) brings
 * jackson-databind, and with it on the class path Vert.x would switch every test to its
 * databind codec; this factory (registered in {@code META-INF/services}) wins by its order.
 */
public final class ProductionJsonFactory implements JsonFactory {
  private static final JsonCodec CODEC = new JacksonCodec();

  @Override
  public int order() {
    return 0;
  }

  @Override
  public JsonCodec codec() {
    return CODEC;
  }
}
