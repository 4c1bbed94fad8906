package dev.roster.upstream.channel;

import dev.roster.config.UpstreamOptions;
import dev.roster.metrics.RequestScope;
import dev.roster.upstream.FailureKind;
import dev.roster.upstream.UpstreamRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.internal.ContextInternal;

/**
 * The HTTP side of one upstream: a Vert.x {@code HttpClient} with a keep-alive pool at least
 * as large as the concurrency limit, a connect timeout within the deadline, and redirects never
 * followed. It knows nothing of guards or deadlines beyond what {@link HttpAttempt#abort()}
 * is told.
 */
final class HttpTransport {
  /** Bigger than any directory page Roster asks for; more is not the JSON we expect. */
  static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  private final HttpClientAgent client;
  private final String baseUrl;
  private final ChannelName name;

  HttpTransport(Vertx vertx, UpstreamOptions options, ChannelName name) {
    this.baseUrl = options.baseUrl();
    this.name = name;
    int connectTimeout = (int) Math.max(1, Math.min(options.timeout().toMillis(), 10_000));
    HttpClientOptions http = new HttpClientOptions()
        .setKeepAlive(true)
        .setKeepAliveTimeout(30)
        .setConnectTimeout(connectTimeout);
    PoolOptions pool = new PoolOptions().setHttp1MaxSize(Math.max(1, options.maxConcurrent()));
    this.client = vertx.httpClientBuilder().with(http).with(pool).build();
  }

  /** Starts one attempt from {@code context}; its outcome is delivered on that context. */
  HttpAttempt send(UpstreamRequest request, ContextInternal context) {
    RequestOptions options = new RequestOptions()
        .setMethod(request.method())
        .setAbsoluteURI(baseUrl + request.pathAndQuery())
        .setFollowRedirects(false);
    if (request.headers() != null) {
      options.setHeaders(request.headers());
    }
    HttpAttempt attempt = new HttpAttempt(name, context.promise(), MAX_BODY_BYTES);
    RequestScope.countUpstreamCall(context);
    client.request(options)
        .onComplete(ar -> {
          if (ar.succeeded()) {
            attempt.connected(ar.result(), request.body());
          } else {
            attempt.fail(name.failure(FailureKind.CONNECT, "could not connect"));
          }
        });
    return attempt;
  }

  Future<Void> close() {
    return client.close();
  }
}
