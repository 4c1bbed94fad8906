package dev.roster.cluster;

/** Redis stream ids ({@code <ms>-<seq>}) compared as the numbers they are. */
final class StreamIds {
  static final String NONE = "0-0";

  private StreamIds() {}

  /** Negative, zero or positive as {@code a} is before, equal to or after {@code b}. */
  static int compare(String a, String b) {
    long[] x = parse(a);
    long[] y = parse(b);
    int byMs = Long.compare(x[0], y[0]);
    return byMs != 0 ? byMs : Long.compare(x[1], y[1]);
  }

  private static long[] parse(String id) {
    int dash = id.indexOf('-');
    if (dash < 0) {
      return new long[] {Long.parseUnsignedLong(id), 0};
    }
    return new long[] {
      Long.parseUnsignedLong(id.substring(0, dash)), Long.parseUnsignedLong(id.substring(dash + 1))
    };
  }
}
