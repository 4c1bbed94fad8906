package dev.roster.http;

import dev.roster.lookup.Answer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** Writes a successful answer: ready-made bytes plus a few headers, or a 304. */
final class AnswerWriter {
  static final String CACHE_STATUS_KEY = "roster.cacheStatus";

  private AnswerWriter() {}

  static void write(RoutingContext ctx, Answer answer, boolean withTotal) {
    HttpServerResponse response = ctx.response();
    if (response.ended() || response.closed()) {
      return;
    }
    ResponseHeaders.apply(response.headers(), answer);
    if (withTotal) {
      response.headers().set(ResponseHeaders.TOTAL_COUNT, Integer.toString(answer.totalCount()));
    }
    ctx.put(CACHE_STATUS_KEY, answer.outcome());
    String ifNoneMatch = ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH);
    if (ResponseHeaders.notModified(ifNoneMatch, answer.body().etag())) {
      response.setStatusCode(304).end();
    } else {
      response.end(answer.body().bytes());
    }
  }
}
