package dev.roster.encoding;

/**
 * How hard to compress. {@link #DYNAMIC} is for answers made at run time (once per cached
 * answer, but again whenever the entry is refilled): levels near NGINX's and Cloudflare's
 * defaults for dynamic content, a few milliseconds for a 500 KB list. {@link #STATIC} is for
 * bytes made once per process (a bundled script): the highest levels.
 */
public enum Effort {
  DYNAMIC(5, 6, 6),
  STATIC(11, 19, 9);

  private final int brotliQuality;
  private final int zstdLevel;
  private final int gzipLevel;

  Effort(int brotliQuality, int zstdLevel, int gzipLevel) {
    this.brotliQuality = brotliQuality;
    this.zstdLevel = zstdLevel;
    this.gzipLevel = gzipLevel;
  }

  int brotliQuality() {
    return brotliQuality;
  }

  int zstdLevel() {
    return zstdLevel;
  }

  int gzipLevel() {
    return gzipLevel;
  }
}
