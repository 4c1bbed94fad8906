package dev.roster.upstream.testing;

import dev.roster.upstream.FailureKind;
import dev.roster.upstream.ResponseDecoder;
import dev.roster.upstream.UpstreamChannel;
import dev.roster.upstream.UpstreamFailure;
import dev.roster.upstream.UpstreamRequest;
import dev.roster.upstream.UpstreamResponse;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test-only {@link UpstreamChannel} with none of the guards: it sends the request straight to
 * the base URL and applies the decoder, turning 429 into RATE_LIMITED and 5xx into SERVER_ERROR
 * as the real channel does before any decoder runs.
 */
public final class DirectChannel implements UpstreamChannel {
  private static final long IDLE_TIMEOUT_MS = 10_000;

  private final HttpClientAgent client;
  private final String baseUrl;
  private final AtomicInteger exchanges = new AtomicInteger();

  public DirectChannel(Vertx vertx, String baseUrl) {
    this.client = vertx.createHttpClient();
    this.baseUrl = baseUrl;
  }

  @Override
  public <T> Future<T> exchange(UpstreamRequest request, ResponseDecoder<T> decoder) {
    exchanges.incrementAndGet();
    RequestOptions options =
        new RequestOptions()
            .setMethod(request.method())
            .setAbsoluteURI(baseUrl + request.pathAndQuery())
            .setFollowRedirects(false)
            .setIdleTimeout(IDLE_TIMEOUT_MS);
    if (request.headers() != null) {
      options.setHeaders(request.headers());
    }
    return client
        .request(options)
        .compose(sending -> send(sending, request))
        .recover(failure -> Future.failedFuture(connectFailure(failure)))
        .compose(response -> decode(response, request, decoder));
  }

  /** How many exchanges were asked of this channel. */
  public int exchanges() {
    return exchanges.get();
  }

  private static Future<UpstreamResponse> send(
      HttpClientRequest sending, UpstreamRequest request) {
    Future<HttpClientResponse> sent =
        request.body() == null ? sending.send() : sending.send(request.body());
    return sent.compose(
        response ->
            response
                .body()
                .map(body -> toUpstream(response, body)));
  }

  private static UpstreamResponse toUpstream(HttpClientResponse response, Buffer body) {
    return new UpstreamResponse(response.statusCode(), response.headers(), body);
  }

  private static Throwable connectFailure(Throwable failure) {
    return failure instanceof UpstreamFailure
        ? failure
        : new UpstreamFailure(FailureKind.CONNECT, "test upstream unreachable");
  }

  private static <T> Future<T> decode(
      UpstreamResponse response, UpstreamRequest request, ResponseDecoder<T> decoder) {
    if (response.status() == 429) {
      return Future.failedFuture(new UpstreamFailure(FailureKind.RATE_LIMITED, "test 429"));
    }
    if (response.status() >= 500) {
      return Future.failedFuture(new UpstreamFailure(FailureKind.SERVER_ERROR, "test 5xx"));
    }
    try {
      return Future.succeededFuture(decoder.decode(response));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
