package dev.roster.cluster;

import dev.roster.config.UpstreamOptions;
import dev.roster.upstream.channel.ChannelGuards;
import dev.roster.upstream.channel.UpstreamBudget;
import dev.roster.upstream.channel.UpstreamHold;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * The cluster's {@link ChannelGuards}: every channel of one upstream credential, whatever its
 * app, gets the same shared budget and the same shared 429 hold. Where apps sharing a
 * credential configure different {@code requestsPerSecond}, the first channel wired sets it.
 */
final class ClusterGuards implements ChannelGuards {
  private final Map<String, UpstreamBudget> budgets = new ConcurrentHashMap<>();
  private final BiFunction<String, Integer, UpstreamBudget> newBudget;
  private final SharedHolds holds;

  ClusterGuards(BiFunction<String, Integer, UpstreamBudget> newBudget, SharedHolds holds) {
    this.newBudget = newBudget;
    this.holds = holds;
  }

  @Override
  public UpstreamBudget budget(String appName, UpstreamOptions options) {
    String hash = CredentialHash.of(options);
    return budgets.computeIfAbsent(hash, h -> newBudget.apply(h, options.requestsPerSecond()));
  }

  @Override
  public UpstreamHold hold(String appName, UpstreamOptions options) {
    return holds.forCredential(CredentialHash.of(options));
  }
}
