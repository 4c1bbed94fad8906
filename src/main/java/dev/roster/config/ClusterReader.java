package dev.roster.config;

import java.net.URI;
import java.net.URISyntaxException;
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
        "eventsMaxLen", "expectedReplicas", "outbox");
    String url = redisUrl(s);
    String name = s.string("name", ClusterOptions.DEFAULT_NAME);
    if (!NAME.matcher(name).matches()) {
      throw s.fail("name", "must be 1-64 of letters, digits, '_', '.', '-'");
    }
    String podId = s.string("podId", null);
    if (podId == null) {
      String host = env.get("HOSTNAME");
      podId = host == null || host.isBlank() ? UUID.randomUUID().toString() : host.strip();
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
        s.integer("outbox", ClusterOptions.DEFAULT_OUTBOX, 1, 1_000_000));
  }

  private static String redisUrl(Section s) {
    String text = s.required("redisUrl").strip();
    // May carry a password: never quoted in a message.
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw s.fail("redisUrl", "is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("redis") && !scheme.equals("rediss")) {
      throw s.fail("redisUrl", "must be a redis:// or rediss:// URL");
    }
    if (uri.getHost() == null) {
      throw s.fail("redisUrl", "must name a host (redis://host:6379/0)");
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    if (!path.isEmpty() && !path.matches("/[0-9]{0,2}")) {
      throw s.fail("redisUrl", "path must be a database number (/0)");
    }
    return text;
  }
}
