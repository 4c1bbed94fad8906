package dev.roster.http;

import dev.roster.encoding.AcceptEncoding;
import dev.roster.encoding.ContentCoding;
import dev.roster.encoding.Representation;
import dev.roster.encoding.Representations;
import dev.roster.lookup.Answer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * Writes a successful answer: the representation the request's {@code Accept-Encoding} chooses
 * (SPEC §10), with header values made once per representation, or a 304 when {@code
 * If-None-Match} names that representation's ETag. A compressed form not made yet is made once:
 * on the event loop when the answer is small, else on a worker thread, the request waiting.
 */
final class AnswerWriter {
  /** Answers up to this size are compressed on the event loop (tens of microseconds). */
  static final int INLINE_COMPRESSION_LIMIT = 32 * 1024;

  private AnswerWriter() {}

  /**
   * Answers with {@code answer} once it completes: the answer, or the error envelope. A
   * completed future (a cache hit, everything at hand) is written at once, with no continuation
   * registered.
   */
  static void writeWhenDone(AccessRecord record, Future<Answer> answer, boolean withTotal) {
    if (answer.isComplete()) {
      writeOutcome(record, answer.result(), answer.cause(), withTotal);
    } else {
      answer.onComplete((result, failure) -> writeOutcome(record, result, failure, withTotal));
    }
  }

  private static void writeOutcome(
      AccessRecord record, Answer answer, Throwable failure, boolean withTotal) {
    if (failure != null) {
      ErrorWriter.write(record.request.response(), failure, record.requestId.toString());
    } else {
      write(record, answer, withTotal);
    }
  }

  static void write(AccessRecord record, Answer answer, boolean withTotal) {
    HttpServerResponse response = record.request.response();
    if (response.ended() || response.closed()) {
      return;
    }
    record.outcome = answer.outcome();
    Representations forms = answer.body().representations();
    ContentCoding coding = coding(forms, record.acceptEncoding());
    Representation ready = readyOrSmall(forms, coding);
    if (ready != null) {
      send(record, answer, ready, withTotal);
    } else if (Vertx.currentContext() == null) {
      send(record, answer, forms.make(coding), withTotal);
    } else {
      Vertx.currentContext()
          .executeBlocking(() -> forms.make(coding), false)
          .onComplete(
              (made, failure) ->
                  send(record, answer, failure == null ? made : forms.identity(), withTotal));
    }
  }

  /** The coding {@code Accept-Encoding} chooses for these forms (identity if not compressible). */
  static ContentCoding coding(Representations forms, String acceptEncoding) {
    return forms.compressible() ? AcceptEncoding.choose(acceptEncoding) : ContentCoding.IDENTITY;
  }

  /**
   * The form in {@code coding} when it is made, or small enough to make now on the event loop;
   * null when a large form must first be made off the event loop.
   */
  static Representation readyOrSmall(Representations forms, ContentCoding coding) {
    Representation ready = forms.ready(coding);
    if (ready != null) {
      return ready;
    }
    return forms.identity().bytes().length() <= INLINE_COMPRESSION_LIMIT
        ? forms.make(coding)
        : null;
  }

  private static void send(
      AccessRecord record, Answer answer, Representation form, boolean withTotal) {
    HttpServerRequest request = record.request;
    HttpServerResponse response = request.response();
    if (response.ended() || response.closed()) {
      return;
    }
    ResponseHeaders.apply(response.headers(), answer, form);
    if (withTotal) {
      response
          .headers()
          .add(ResponseHeaders.TOTAL_COUNT, ResponseHeaders.count(answer.totalCount()));
    }
    if (ResponseHeaders.notModified(request.getHeader(HttpHeaders.IF_NONE_MATCH), form.etag())) {
      response.setStatusCode(304).end();
      return;
    }
    if (form.coding().compressed()) {
      response.headers().add(HttpHeaders.CONTENT_ENCODING, form.coding().headerValue());
    }
    // Set here, not left to Vert.x: a HEAD answer carries the length its GET would have.
    response.headers().add(HttpHeaders.CONTENT_LENGTH, form.contentLength());
    if (request.method() == HttpMethod.HEAD) {
      response.end();
    } else {
      response.end(form.bytes());
    }
  }
}
