package dev.roster.encoding;

import io.vertx.core.http.HttpHeaders;

/**
 * The content codings Roster sends (SPEC §10), in its order of preference: {@code br}, then
 * {@code zstd}, then {@code gzip}; {@code identity} is the uncompressed answer. Each carries its
 * {@code Content-Encoding} value and the suffix that makes its strong ETag differ from the
 * identity's (as Apache's {@code -gzip} suffix does), pre-validated for Vert.x.
 */
public enum ContentCoding {
  BR("br"),
  ZSTD("zstd"),
  GZIP("gzip"),
  IDENTITY("identity");

  /** The compressed codings, most preferred first. */
  static final ContentCoding[] COMPRESSED = {BR, ZSTD, GZIP};

  private final String token;
  private final CharSequence headerValue;

  ContentCoding(String token) {
    this.token = token;
    this.headerValue = HttpHeaders.createOptimized(token);
  }

  /** The coding's name as it appears in {@code Accept-Encoding} and {@code Content-Encoding}. */
  public String token() {
    return token;
  }

  /** The {@code Content-Encoding} value, pre-validated. */
  public CharSequence headerValue() {
    return headerValue;
  }

  /** Whether this coding is a compression (not identity). */
  public boolean compressed() {
    return this != IDENTITY;
  }

  /** The ETag of this coding's representation, from the identity's strong ETag (quotes kept). */
  String etagOf(String identityEtag) {
    if (this == IDENTITY) {
      return identityEtag;
    }
    return identityEtag.substring(0, identityEtag.length() - 1) + '-' + token + '"';
  }
}
