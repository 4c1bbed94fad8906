package dev.roster.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a GET or HEAD with a {@link StaticAsset}: its type, strong ETag and the given
 * Cache-Control, 304 when {@code If-None-Match} names the tag, and for HEAD the GET's headers
 * (Content-Length included) without the body.
 */
final class AssetWriter {
  private static final CharSequence NOSNIFF = HttpHeaders.createOptimized("nosniff");

  private AssetWriter() {}

  static void write(RoutingContext ctx, StaticAsset asset, String cacheControl) {
    HttpServerResponse response = ctx.response();
    if (response.ended() || response.closed()) {
      return;
    }
    response
        .putHeader(HttpHeaders.CONTENT_TYPE, asset.contentType())
        .putHeader(HttpHeaders.ETAG, asset.etag())
        .putHeader(HttpHeaders.CACHE_CONTROL, cacheControl)
        .putHeader("X-Content-Type-Options", NOSNIFF);
    String ifNoneMatch = ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH);
    if (ResponseHeaders.notModified(ifNoneMatch, asset.etag())) {
      response.setStatusCode(304).end();
    } else if (ctx.request().method() == HttpMethod.HEAD) {
      response
          .putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(asset.bytes().length()))
          .end();
    } else {
      response.end(asset.bytes());
    }
  }
}
