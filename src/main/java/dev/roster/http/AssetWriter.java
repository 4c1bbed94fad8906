package dev.roster.http;

import dev.roster.encoding.AcceptEncoding;
import dev.roster.encoding.ContentCoding;
import dev.roster.encoding.Representation;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.CompletableFuture;

/**
 * Answers a GET or HEAD with a {@link StaticAsset} (SPEC §10): the representation the request's
 * {@code Accept-Encoding} chooses, with its {@code Content-Encoding}, its own strong ETag and
 * {@code Vary: Accept-Encoding}; 304 when {@code If-None-Match} names that representation's tag;
 * for HEAD the GET's headers (Content-Length included) without the body.
 */
final class AssetWriter {
  private static final CharSequence NOSNIFF = HttpHeaders.createOptimized("nosniff");
  private static final CharSequence ACCEPT_ENCODING =
      HttpHeaders.createOptimized("Accept-Encoding");

  private AssetWriter() {}

  /** Writes {@code asset} once it is loaded (at once after the first moments of the process). */
  static void write(
      RoutingContext ctx, CompletableFuture<StaticAsset> asset, String cacheControl) {
    StaticAsset ready = asset.getNow(null);
    if (ready != null) {
      write(ctx, ready, cacheControl);
      return;
    }
    Future.fromCompletionStage(asset, ctx.vertx().getOrCreateContext())
        .onSuccess(loaded -> write(ctx, loaded, cacheControl))
        .onFailure(failure -> ErrorWriter.write(ctx.response(), failure, RequestIds.of(ctx)));
  }

  static void write(RoutingContext ctx, StaticAsset asset, String cacheControl) {
    HttpServerRequest request = ctx.request();
    HttpServerResponse response = ctx.response();
    if (response.ended() || response.closed()) {
      return;
    }
    ContentCoding coding = AcceptEncoding.choose(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
    // Every form of a static asset is made at start, so this never compresses on the loop.
    Representation chosen = asset.representations().make(coding);
    response
        .putHeader(HttpHeaders.CONTENT_TYPE, asset.contentType())
        .putHeader(HttpHeaders.ETAG, chosen.etagHeader())
        .putHeader(HttpHeaders.CACHE_CONTROL, cacheControl)
        .putHeader(HttpHeaders.VARY, ACCEPT_ENCODING)
        .putHeader("X-Content-Type-Options", NOSNIFF);
    if (ResponseHeaders.notModified(request.getHeader(HttpHeaders.IF_NONE_MATCH), chosen.etag())) {
      response.setStatusCode(304).end();
      return;
    }
    if (chosen.coding().compressed()) {
      response.putHeader(HttpHeaders.CONTENT_ENCODING, chosen.coding().headerValue());
    }
    if (request.method() == HttpMethod.HEAD) {
      response.putHeader(HttpHeaders.CONTENT_LENGTH, chosen.contentLength()).end();
    } else {
      response.end(chosen.bytes());
    }
  }
}
