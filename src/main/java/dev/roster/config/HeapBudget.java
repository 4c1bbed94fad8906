package dev.roster.config;

/**
 * Whether the apps' caches fit in the heap: the sum of every {@code cache.maxBytes} against the
 * JVM's maximum heap. Over {@value #ERROR_SHARE_PERCENT}% is a config error (the caches alone
 * would fill the heap and the JVM would die of OutOfMemoryError under load); over {@value
 * #WARN_SHARE_PERCENT}% is a warning (little room left for requests, compression and GC).
 */
public final class HeapBudget {
  static final int ERROR_SHARE_PERCENT = 80;
  static final int WARN_SHARE_PERCENT = 50;

  private HeapBudget() {}

  /**
   * Checks {@code options} against {@code maxHeapBytes} ({@code Runtime.maxMemory()}).
   *
   * @return a warning to log, or null when the caches fit comfortably
   * @throws ConfigException when the caches cannot fit
   */
  public static String check(RosterOptions options, long maxHeapBytes) {
    long total = 0;
    for (AppOptions app : options.apps().values()) {
      total += app.cache().maxBytes();
    }
    String sum = mib(total) + " (the sum of apps.*.cache.maxBytes)";
    if (total * 100 > maxHeapBytes * ERROR_SHARE_PERCENT) {
      throw new ConfigException(
          "apps.*.cache.maxBytes: "
              + sum
              + " does not fit in the heap of "
              + mib(maxHeapBytes)
              + ": lower maxBytes or raise the heap (-XX:MaxRAMPercentage or -Xmx)");
    }
    if (total * 100 > maxHeapBytes * WARN_SHARE_PERCENT) {
      return "caches may take "
          + sum
          + " of a "
          + mib(maxHeapBytes)
          + " heap, leaving little for requests and GC";
    }
    return null;
  }

  private static String mib(long bytes) {
    return (bytes / (1024 * 1024)) + "MiB";
  }
}
