package dev.roster.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides, from a request head alone, whether its framing can be trusted (RFC 9112 §2.3, §6).
 * Roster takes no chunked request bodies, so any {@code Transfer-Encoding} is refused rather than
 * interpreted: a request that carries one (with or without {@code Content-Length}, any case,
 * list or repetition) is the classic smuggling vector (CL.TE, TE.CL, TE.TE), and refusing it is
 * what RFC 9112 §6.1 allows a server that does not want to guess. Versions: {@code HTTP/1.x} with
 * x &ge; 2 is served as 1.1 (§2.3); a version that is not {@code HTTP/DIGIT.DIGIT} is malformed
 * (400); any other major version on an HTTP/1 connection is refused with 505.
 */
final class RequestFramingPolicy {
  private static final Pattern VERSION = Pattern.compile("HTTP/[0-9]\\.[0-9]");
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

  private RequestFramingPolicy() {}

  /** The error to answer instead of serving the request, or null when its framing is sound. */
  static ApiError violation(HttpRequest request) {
    HttpVersion parsed = request.protocolVersion();
    HttpHeaders headers = request.headers();
    if ((parsed == HttpVersion.HTTP_1_1 || parsed == HttpVersion.HTTP_1_0)
        && !headers.contains(HttpHeaderNames.TRANSFER_ENCODING)
        && !headers.contains(HttpHeaderNames.CONTENT_LENGTH)) {
      // The common request, decided without a pattern or a list: a version Netty spelled
      // exactly (its own constants) and no body framing at all.
      return null;
    }
    // Netty upper-cases what it parses and keeps its constants only for the exact spellings, so
    // an HTTP/1.0 or 1.1 that is not one of them was spelled otherwise ("http/1.1").
    boolean respelled =
        parsed != HttpVersion.HTTP_1_1
            && parsed != HttpVersion.HTTP_1_0
            && parsed.majorVersion() == 1
            && parsed.minorVersion() <= 1;
    if (respelled || !VERSION.matcher(parsed.text()).matches()) {
      return ApiError.validation("The request's HTTP version is malformed.");
    }
    if (request.protocolVersion().majorVersion() != 1) {
      return new ApiError(
          505, "HTTP_VERSION_NOT_SUPPORTED", "Only HTTP/1.0 and HTTP/1.1 are served on this port.");
    }
    if (headers.contains(HttpHeaderNames.TRANSFER_ENCODING)) {
      return ApiError.validation("Transfer-Encoding is not accepted; send a Content-Length.");
    }
    List<String> lengths = headers.getAll(HttpHeaderNames.CONTENT_LENGTH);
    if (lengths.size() > 1) {
      return ApiError.validation("The request carries more than one Content-Length.");
    }
    if (lengths.size() == 1 && !DIGITS.matcher(lengths.get(0)).matches()) {
      return ApiError.validation("The request's Content-Length is not a number.");
    }
    return null;
  }

  /** Whether the request is to be answered as HTTP/1.1 although it named a later 1.x. */
  static boolean servedAs11(HttpRequest request) {
    HttpVersion version = request.protocolVersion();
    return version.majorVersion() == 1 && version.minorVersion() > 1;
  }
}
