package dev.roster.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/** Reads and validates one {@code apps.<name>} block and the small sections inside it. */
final class AppReader {
  /** App names are URL path segments: {@code /{app}/v1/users}. */
  static final Pattern APP_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  private static final long MIN_CACHE_BYTES = 1024;
  private static final int MAX_RATE = 1_000_000;

  private AppReader() {}

  static AppOptions read(String name, Section apps) {
    if (!APP_NAME.matcher(name).matches()) {
      throw apps.fail(
          name, "app name must match [a-z0-9][a-z0-9-]{0,62} (it is a URL path segment)");
    }
    if (!apps.has(name)) {
      throw apps.fail(name, "expected a mapping of keys (auth, upstreams, ...)");
    }
    Section app = apps.section(name);
    app.allowOnly("visibility", "auth", "upstreams", "cache", "rateLimit", "cors", "webhooks");
    Visibility visibility = visibility(app);
    AuthOptions auth = AuthReader.read(app);
    UpstreamOptions[] upstreams = UpstreamReader.read(app);
    return new AppOptions(
        name,
        visibility,
        auth,
        upstreams[0],
        upstreams[1],
        cache(app.section("cache")),
        rateLimit(app.section("rateLimit")),
        cors(app.section("cors")),
        webhooks(app.section("webhooks")));
  }

  private static Visibility visibility(Section app) {
    String value = app.string("visibility", "org");
    return switch (value) {
      case "org" -> Visibility.ORG;
      case "authenticated" -> Visibility.AUTHENTICATED;
      default -> throw app.fail(
          "visibility", Section.quote(value) + " is not a visibility (use org or authenticated)");
    };
  }

  private static CacheOptions cache(Section cache) {
    cache.allowOnly("ttl", "staleWhileRevalidate", "staleIfError", "notFoundTtl", "maxBytes");
    CacheOptions d = CacheOptions.DEFAULTS;
    Duration ttl = cache.duration("ttl", d.ttl(), true);
    return new CacheOptions(
        ttl,
        cache.duration("staleWhileRevalidate", d.staleWhileRevalidate(), false),
        cache.duration("staleIfError", d.staleIfError(), false),
        cache.duration("notFoundTtl", d.notFoundTtl(), false),
        cache.size("maxBytes", d.maxBytes(), MIN_CACHE_BYTES, "1KB"));
  }

  private static RateLimitOptions rateLimit(Section rateLimit) {
    if (!rateLimit.present()) {
      return RateLimitOptions.UNLIMITED;
    }
    rateLimit.allowOnly("perCallerPerSecond", "burst");
    RateLimitOptions d = RateLimitOptions.DEFAULTS;
    return new RateLimitOptions(
        rateLimit.integer("perCallerPerSecond", d.perCallerPerSecond(), 1, MAX_RATE),
        rateLimit.integer("burst", d.burst(), 1, MAX_RATE));
  }

  private static CorsOptions cors(Section cors) {
    cors.allowOnly("allowedOrigins");
    List<String> origins = cors.strings("allowedOrigins", CorsOptions.DEFAULTS.allowedOrigins());
    for (int i = 0; i < origins.size(); i++) {
      String origin = origins.get(i);
      String key = "allowedOrigins[" + i + "]";
      if (origin.equals("*")) {
        if (origins.size() > 1) {
          throw cors.fail(key, "\"*\" must be the only origin");
        }
      } else if (!isOrigin(origin)) {
        throw cors.fail(
            key, Section.quote(origin) + " is not an origin (scheme://host[:port], no path)");
      }
    }
    return new CorsOptions(origins);
  }

  private static boolean isOrigin(String origin) {
    try {
      URI uri = new URI(origin);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null
          && uri.getRawUserInfo() == null
          && uri.getRawPath().isEmpty()
          && uri.getRawQuery() == null
          && uri.getRawFragment() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static WebhookOptions webhooks(Section webhooks) {
    webhooks.allowOnly("clerkSigningSecret");
    String secret = webhooks.string("clerkSigningSecret", null);
    if (secret == null) {
      return WebhookOptions.DEFAULTS;
    }
    if (!secret.startsWith("whsec_")) {
      throw webhooks.fail("clerkSigningSecret", "must start with whsec_");
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    } catch (IllegalArgumentException e) {
      key = new byte[0];
    }
    if (key.length == 0) {
      throw webhooks.fail("clerkSigningSecret", "the part after whsec_ must be base64");
    }
    return new WebhookOptions(secret);
  }
}
