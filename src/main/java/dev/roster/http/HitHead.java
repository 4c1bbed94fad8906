package dev.roster.http;

import dev.roster.encoding.Representation;
import dev.roster.lookup.Answer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import io.vertx.core.internal.buffer.BufferInternal;

/**
 * The response to a {@linkplain FreshHits fresh hit}, with the very headers, values and order the
 * regular path ({@link UsersRoute}, {@link AnswerWriter}, {@link CorsHandler#decorate}) sends,
 * but made as one block of bytes: the header lines are joined from values made once per
 * representation and per TTL second, and handed to Netty's encoder as the value of the first
 * header, which it copies as it is. Every part is a value the regular path would send, already
 * free of control characters (request ids and an echoed origin are checked, the rest is Roster's
 * own), so joining them with CRLF makes exactly the lines the regular path would encode one by
 * one.
 */
final class HitHead {
  private static final AsciiString VARY = line("vary: Accept-Encoding");
  private static final AsciiString TYPE_AND_ETAG = line("content-type: application/json\r\netag: ");
  private static final AsciiString CACHE_CONTROL = line("cache-control: ");
  private static final AsciiString CACHE_STATUS = line("Cache-Status: ");
  private static final AsciiString TOTAL_COUNT = line("X-Total-Count: ");
  private static final AsciiString CONTENT_ENCODING = line("content-encoding: ");
  private static final AsciiString CONTENT_LENGTH = line("content-length: ");
  private static final AsciiString VARY_ORIGIN = line("vary: Accept-Encoding, Origin");
  private static final AsciiString ALLOW_ORIGIN = line("access-control-allow-origin: ");
  private static final AsciiString EXPOSE =
      line("access-control-expose-headers: " + CorsHandler.EXPOSE_HEADERS);

  private HitHead() {}

  /**
   * The whole response.
   *
   * @param notModified a 304: the same headers without the body's (encoding, length)
   * @param withBody false for a HEAD: the headers of the GET, no body
   * @param withTotal the list route's {@code X-Total-Count}
   * @param cors whether a CORS policy applies (an {@code Origin} on an app with one)
   * @param allowOrigin the allowed origin to echo, or null
   */
  static FullHttpResponse response(
      CharSequence requestId,
      Answer answer,
      Representation form,
      boolean notModified,
      boolean withBody,
      boolean withTotal,
      boolean cors,
      String allowOrigin) {
    Joiner value = new Joiner();
    value.add(requestId);
    if (!cors) {
      value.add(VARY);
    }
    value.add(TYPE_AND_ETAG).add(form.etagHeader());
    value.add(CACHE_CONTROL).add(ResponseHeaders.cacheControl(answer.ttlSeconds()));
    value.add(CACHE_STATUS).add(ResponseHeaders.cacheStatus(answer.outcome(), answer.ttlSeconds()));
    if (withTotal) {
      value.add(TOTAL_COUNT).add(ResponseHeaders.count(answer.totalCount()));
    }
    if (!notModified) {
      if (form.coding().compressed()) {
        value.add(CONTENT_ENCODING).add(form.coding().headerValue());
      }
      value.add(CONTENT_LENGTH).add(form.contentLength());
    }
    if (cors) {
      value.add(VARY_ORIGIN);
      if (allowOrigin != null) {
        value.add(ALLOW_ORIGIN).add(allowOrigin).add(EXPOSE);
      }
    }
    HttpHeaders headers = new HeadBlockHeaders(RequestIds.HEADER, value.join());
    ByteBuf body =
        notModified || !withBody
            ? Unpooled.EMPTY_BUFFER
            // A slice of the cached bytes, as Vert.x's own end(Buffer) writes: nothing copied.
            : ((BufferInternal) form.bytes()).getByteBuf();
    return new DefaultFullHttpResponse(
        HttpVersion.HTTP_1_1,
        notModified ? HttpResponseStatus.NOT_MODIFIED : HttpResponseStatus.OK,
        body,
        headers,
        EmptyHttpHeaders.INSTANCE);
  }

  private static AsciiString line(String text) {
    return AsciiString.cached("\r\n" + text);
  }

  /** Up to a handful of parts, joined once into one array. */
  private static final class Joiner {
    private final CharSequence[] parts = new CharSequence[20];
    private int count;
    private int length;

    Joiner add(CharSequence part) {
      parts[count++] = part;
      length += part.length();
      return this;
    }

    AsciiString join() {
      byte[] bytes = new byte[length];
      int at = 0;
      for (int i = 0; i < count; i++) {
        CharSequence part = parts[i];
        int n = part.length();
        if (part instanceof AsciiString ascii) {
          System.arraycopy(ascii.array(), ascii.arrayOffset(), bytes, at, n);
        } else {
          for (int c = 0; c < n; c++) {
            bytes[at + c] = (byte) part.charAt(c);
          }
        }
        at += n;
      }
      return new AsciiString(bytes, false);
    }
  }
}
