package dev.roster.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** Reads and checks the optional {@code cluster} block into {@link ClusterOptions}. */
final class ClusterReader {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private ClusterReader() {}

  /** The options, or null when the block is absent. */
  static ClusterOptions read(Section s, java.util.Map<String, String> env) {
    if (!s.present()) {
      return null;
    }
    s.allowOnly("redisUrl", "password", "name", "podId", "opTimeout", "lockWait",
        "eventsMaxLen", "expectedReplicas", "outbox", "sentinels", "masterName");
    java.util.List<String> sentinels = s.strings("sentinels", java.util.List.of());
    for (String sentinel : sentinels) {
      checkRedisUrl(s, "sentinels", sentinel);
    }
    String masterName = s.string("masterName", null);
    if (!sentinels.isEmpty() && masterName == null) {
      throw s.fail("masterName", "required with sentinels");
    }
    if (sentinels.isEmpty() && masterName != null) {
      throw s.fail("sentinels", "required with masterName");
    }
    if (!sentinels.isEmpty() && s.has("redisUrl")) {
      throw s.fail("redisUrl", "give either redisUrl or sentinels, not both");
    }
    String url = sentinels.isEmpty() ? redisUrl(s) : null;
    String name = s.string("name", ClusterOptions.DEFAULT_NAME);
    if (!NAME.matcher(name).matches()) {
      throw s.fail("name", "must be 1-64 of letters, digits, '_', '.', '-'");
    }
    String podId = s.string("podId", null);
    if (podId == null) {
      // Unique per process even when several share a host name (processes on one machine,
      // containers started with one hostname): a replica skips events carrying its own id.
      String host = env.get("HOSTNAME");
      String suffix = UUID.randomUUID().toString().substring(0, 8);
      podId = (host == null || host.isBlank() ? "roster" : host.strip()) + "-" + suffix;
    }
    return new ClusterOptions(
        url,
        s.string("password", null),
        name,
        podId,
        s.duration("opTimeout", ClusterOptions.DEFAULT_OP_TIMEOUT, true),
        s.duration("lockWait", ClusterOptions.DEFAULT_LOCK_WAIT, false),
        s.integer("eventsMaxLen", ClusterOptions.DEFAULT_EVENTS_MAX_LEN, 10, 10_000_000),
        s.integer("expectedReplicas", ClusterOptions.DEFAULT_EXPECTED_REPLICAS, 1, 1000),
        s.integer("outbox", ClusterOptions.DEFAULT_OUTBOX, 1, 1_000_000),
        List.copyOf(sentinels),
        masterName);
  }

  private static String redisUrl(Section s) {
    String text = s.required("redisUrl").strip();
    checkRedisUrl(s, "redisUrl", text);
    return text;
  }

  private static void checkRedisUrl(Section s, String key, String text) {
    // May carry a password: never quoted in a message.
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw s.fail(key, "is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("redis") && !scheme.equals("rediss")) {
      throw s.fail(key, "must be a redis:// or rediss:// URL");
    }
    if (uri.getHost() == null) {
      throw s.fail(key, "must name a host (redis://host:6379/0)");
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    if (!path.isEmpty() && !path.matches("/[0-9]{0,2}")) {
      throw s.fail(key, "path must be a database number (/0)");
    }
  }
}
