package dev.roster;

import dev.roster.auth.TokenVerifier;
import dev.roster.auth.TokenVerifiers;
import dev.roster.cache.CacheSpace;
import dev.roster.cluster.Cluster;
import dev.roster.config.AppOptions;
import dev.roster.config.UpstreamOptions;
import dev.roster.http.AppRuntime;
import dev.roster.lookup.AppDirectory;
import dev.roster.lookup.CallerMissShare;
import dev.roster.lookup.ChangeFeed;
import dev.roster.metrics.CacheMetrics;
import dev.roster.model.Provider;
import dev.roster.ratelimit.CallerRateLimiter;
import dev.roster.time.TimeSource;
import dev.roster.time.TimerSource;
import dev.roster.upstream.DirectoryClient;
import dev.roster.upstream.UpstreamChannel;
import dev.roster.upstream.channel.ChannelGuards;
import dev.roster.upstream.channel.UpstreamChannels;
import dev.roster.upstream.clerk.ClerkClient;
import dev.roster.upstream.clerk.ClerkUserMapper;
import dev.roster.upstream.lexful.LexfulClient;
import dev.roster.webhook.ClerkWebhookProcessor;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Builds one app's runtime from its options, by hand: verifier, upstreams, cache, webhooks. */
final class AppWiring {
  private final Vertx vertx;
  private final TimeSource time;
  private final MeterRegistry registry;
  private final List<UpstreamChannel> channels = new ArrayList<>();
  /** Null on a single node. */
  private final Cluster cluster;
  private final ChannelGuards guards;

  AppWiring(Vertx vertx, TimeSource time, MeterRegistry registry) {
    this(vertx, time, registry, null);
  }

  AppWiring(Vertx vertx, TimeSource time, MeterRegistry registry, Cluster cluster) {
    this.vertx = vertx;
    this.time = time;
    this.registry = registry;
    this.cluster = cluster;
    this.guards = cluster == null ? ChannelGuards.local(time) : cluster.guards();
  }

  AppRuntime wire(AppOptions app) {
    TokenVerifier verifier = TokenVerifiers.create(vertx, app.auth(), time, registry, app.name());
    Map<Provider, DirectoryClient> clients = new EnumMap<>(Provider.class);
    if (app.clerk() != null) {
      clients.put(
          Provider.CLERK,
          new ClerkClient(channel(app, app.clerk()), app.clerk(), TimerSource.of(vertx)));
    }
    if (app.lexful() != null) {
      clients.put(
          Provider.LEXFUL, new LexfulClient(channel(app, app.lexful()), app.lexful(), time));
    }
    CacheSpace space = new CacheSpace(app.cache(), time, new CacheMetrics(registry, app.name()));
    AppDirectory directory = new AppDirectory(
        app,
        clients,
        space,
        CallerMissShare.of(app, time, registry),
        cluster == null ? null : cluster.sharedCache(app));
    ChangeFeed changes =
        cluster == null ? ChangeFeed.local(directory) : cluster.feed(app.name(), directory);
    String secret = app.webhooks().clerkSigningSecret();
    ClerkWebhookProcessor webhooks =
        secret == null
            ? null
            : new ClerkWebhookProcessor(
                app.name(), secret, changes, time, ClerkUserMapper::toUser, registry);
    CallerRateLimiter rateLimiter =
        app.rateLimit().enabled()
            ? new CallerRateLimiter(app.name(), app.rateLimit(), time, registry)
            : null;
    return new AppRuntime(
        app.name(), app, verifier, directory, webhooks, rateLimiter, changes);
  }

  /** Why upstreams refuse credentials or requests ("; "-joined), or null while all is well. */
  String upstreamProblems() {
    StringBuilder reasons = new StringBuilder();
    for (UpstreamChannel channel : channels) {
      String refusal = channel.setupProblem();
      if (refusal != null) {
        reasons.append(reasons.length() == 0 ? "" : "; ").append(refusal);
      }
    }
    return reasons.length() == 0 ? null : reasons.toString();
  }

  /** Every upstream channel made so far, to close at shutdown. */
  List<UpstreamChannel> channels() {
    return channels;
  }

  private UpstreamChannel channel(AppOptions app, UpstreamOptions upstream) {
    UpstreamChannel channel =
        UpstreamChannels.create(vertx, upstream, app.name(), time, registry, guards);
    channels.add(channel);
    return channel;
  }
}
