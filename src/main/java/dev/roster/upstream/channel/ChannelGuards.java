package dev.roster.upstream.channel;

import dev.roster.config.UpstreamOptions;
import dev.roster.time.TimeSource;

/**
 * Where a channel's shareable guards come from: the request budget and the 429 hold, the two
 * guards that may reach beyond one channel (several apps sharing one upstream credential, or
 * several replicas sharing one cluster). {@link UpstreamChannels#create} asks for them once per
 * (app, upstream) channel; the breaker, the concurrency limit and the deadline stay per channel
 * and per process.
 *
 * <p>{@link #local} is a single node's behaviour: a fresh budget of {@code requestsPerSecond}
 * and a fresh hold per channel. The cluster supplies its own implementation, which hands the
 * same shared budget to every channel with the same credential.
 */
public interface ChannelGuards {
  /** The budget channel {@code (appName, options)} draws from. */
  UpstreamBudget budget(String appName, UpstreamOptions options);

  /** The 429 hold channel {@code (appName, options)} obeys and sets. */
  UpstreamHold hold(String appName, UpstreamOptions options);

  /** Per-channel local guards on Roster's clock: today's single-node behaviour. */
  static ChannelGuards local(TimeSource time) {
    return new ChannelGuards() {
      @Override
      public UpstreamBudget budget(String appName, UpstreamOptions options) {
        return new RequestBudget(options.requestsPerSecond(), time);
      }

      @Override
      public UpstreamHold hold(String appName, UpstreamOptions options) {
        return new RateLimitHold(
            time, new ChannelName(appName, options.provider().wireName()));
      }
    };
  }
}
