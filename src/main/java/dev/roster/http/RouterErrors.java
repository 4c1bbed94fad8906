package dev.roster.http;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import java.util.function.Function;

/**
 * Puts the contract's error envelope on the answers Vert.x itself gives: no route (404), wrong
 * method (405), body too large (413), undecodable request (400), unexpected failure (500), and,
 * before routing, request lines or headers too long (414, 431).
 */
final class RouterErrors {
  private RouterErrors() {}

  static void install(Router router) {
    install(router, path -> null);
  }

  /**
   * @param allowed the {@code Allow} value of a path's route (RFC 9110: a 405 lists the methods
   *     the route has), or null when unknown
   */
  static void install(Router router, Function<String, String> allowed) {
    router
        .route()
        .failureHandler(
            ctx -> {
              if (ctx.response().closed() || ctx.failure() instanceof HttpClosedException) {
                // The client went away (a webhook body dropped halfway): nothing can be
                // answered and nothing went wrong here, so nothing is logged.
                return;
              }
              ctx.next();
            });
    router.errorHandler(
        400,
        ctx -> ErrorWriter.write(ctx.response(), ApiError.validation("The request is malformed.")));
    router.errorHandler(
        404, ctx -> ErrorWriter.write(ctx.response(), ApiError.notFound("No such app or route.")));
    router.errorHandler(
        405,
        ctx -> {
          String allow = allowed.apply(ctx.normalizedPath());
          if (allow != null) {
            ctx.response().headers().set(HttpHeaders.ALLOW, allow);
          }
          ErrorWriter.write(
              ctx.response(),
              new ApiError(405, "METHOD_NOT_ALLOWED", "This method is not allowed on this route."));
        });
    router.errorHandler(
        413,
        ctx ->
            ErrorWriter.write(
                ctx.response(),
                new ApiError(413, "PAYLOAD_TOO_LARGE", "The request body is over the limit.")));
    router.errorHandler(
        500,
        ctx -> {
          Throwable failure = ctx.failure();
          if (failure instanceof ApiError error) {
            ErrorWriter.write(ctx.response(), error);
          } else {
            ErrorWriter.write(
                ctx.response(),
                failure == null ? new IllegalStateException("failed") : failure,
                RequestIds.of(ctx));
          }
        });
  }

  /** The server's handler for requests Netty could not decode. */
  static Handler<HttpServerRequest> invalidRequestHandler() {
    return request -> {
      Throwable cause = request.decoderResult().cause();
      ApiError error;
      if (cause instanceof ApiError refused) {
        // Refused by RequestFramingPolicy: already worded for the caller.
        error = refused;
      } else if (cause instanceof TooLongHttpHeaderException) {
        error = new ApiError(431, "VALIDATION_ERROR", "The request headers are too large.");
      } else if (cause instanceof TooLongHttpLineException) {
        error = new ApiError(414, "VALIDATION_ERROR", "The request URI is too long.");
      } else {
        error = ApiError.validation("The request is malformed.");
      }
      request.response().putHeader("Connection", "close");
      ErrorWriter.write(request.response(), error);
      request.connection().close();
    };
  }
}
