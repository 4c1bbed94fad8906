package dev.roster.encoding;

import static dev.roster.encoding.ContentCoding.BR;
import static dev.roster.encoding.ContentCoding.GZIP;
import static dev.roster.encoding.ContentCoding.IDENTITY;
import static dev.roster.encoding.ContentCoding.ZSTD;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AcceptEncodingTest {
  @Test
  void noHeaderOrAnEmptyOneMeansIdentity() {
    assertThat(AcceptEncoding.choose(null)).isEqualTo(IDENTITY);
    assertThat(AcceptEncoding.choose("")).isEqualTo(IDENTITY);
    assertThat(AcceptEncoding.choose("  ")).isEqualTo(IDENTITY);
  }

  @Test
  void prefersBrThenZstdThenGzipAmongEquallyAcceptable() {
    assertThat(AcceptEncoding.choose("gzip, deflate, br, zstd")).isEqualTo(BR);
    assertThat(AcceptEncoding.choose("gzip, zstd")).isEqualTo(ZSTD);
    assertThat(AcceptEncoding.choose("gzip")).isEqualTo(GZIP);
    assertThat(AcceptEncoding.choose("x-gzip")).isEqualTo(GZIP);
    assertThat(AcceptEncoding.choose("deflate, compress")).isEqualTo(IDENTITY);
    assertThat(AcceptEncoding.choose("GZip, BR")).isEqualTo(BR);
  }

  @Test
  void honoursQValues() {
    assertThat(AcceptEncoding.parse("br;q=0.5, gzip;q=1.0")).isEqualTo(GZIP);
    assertThat(AcceptEncoding.parse("br;q=0, gzip")).isEqualTo(GZIP);
    assertThat(AcceptEncoding.parse("br;q=0, zstd;q=0, gzip;q=0")).isEqualTo(IDENTITY);
    assertThat(AcceptEncoding.parse("gzip;q=0.2, identity;q=0.5")).isEqualTo(IDENTITY);
    assertThat(AcceptEncoding.parse("br ; q=0.001")).isEqualTo(BR);
    assertThat(AcceptEncoding.parse("br;q=2")).isEqualTo(IDENTITY);
    assertThat(AcceptEncoding.parse("br;q=abc, gzip;q=0.1")).isEqualTo(GZIP);
  }

  @Test
  void starStandsForEveryCodingNotNamed() {
    assertThat(AcceptEncoding.parse("*")).isEqualTo(BR);
    assertThat(AcceptEncoding.parse("br;q=0, *")).isEqualTo(ZSTD);
    assertThat(AcceptEncoding.parse("*;q=0, gzip")).isEqualTo(GZIP);
    // Identity refused and nothing else acceptable: identity is still sent (as NGINX does).
    assertThat(AcceptEncoding.parse("*;q=0")).isEqualTo(IDENTITY);
    assertThat(AcceptEncoding.parse("identity;q=0")).isEqualTo(IDENTITY);
  }
}
