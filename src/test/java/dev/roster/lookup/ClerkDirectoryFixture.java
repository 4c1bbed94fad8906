package dev.roster.lookup;

import dev.roster.auth.Caller;
import dev.roster.cache.CacheSpace;
import dev.roster.config.AppOptions;
import dev.roster.config.ConfigLoader;
import dev.roster.metrics.CacheMetrics;
import dev.roster.model.Provider;
import dev.roster.sim.clerk.ClerkSeed;
import dev.roster.sim.clerk.ClerkSimulator;
import dev.roster.time.ManualTimeSource;
import dev.roster.time.ManualTimerSource;
import dev.roster.upstream.DirectoryClient;
import dev.roster.upstream.UpstreamChannel;
import dev.roster.upstream.channel.UpstreamChannels;
import dev.roster.upstream.clerk.ClerkClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.time.Duration;

/**
 * One Clerk app's {@link AppDirectory} as Roster wires it (the real guarded channel, the real
 * Caffeine cache, the batching Clerk client) against the Clerk simulator on port 0, on a
 * hand-moved clock whose timers fire only when the test moves it.
 */
final class ClerkDirectoryFixture implements AutoCloseable {
  final Vertx vertx = Vertx.vertx();
  final ManualTimeSource time = new ManualTimeSource();
  final ManualTimerSource timers = new ManualTimerSource(time);
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final ClerkSimulator clerk;
  final AppOptions app;
  final UpstreamChannel channel;
  final AppDirectory directory;

  /** {@code upstreamYaml}: extra keys of the Clerk upstream, e.g. {@code "batchWindow: 0ms"}. */
  ClerkDirectoryFixture(String visibility, String upstreamYaml) {
    this(visibility, 1000, upstreamYaml);
  }

  /** With a request budget of {@code requestsPerSecond} (the bucket starts full). */
  ClerkDirectoryFixture(String visibility, int requestsPerSecond, String upstreamYaml) {
    clerk = ClerkSimulator.start(vertx, 0).await();
    String yaml =
        "apps:\n"
            + "  lance:\n"
            + "    visibility: " + visibility + "\n"
            + "    auth: { hmacSecret: a-test-secret-of-at-least-thirty-two-bytes }\n"
            + "    upstreams:\n"
            + "      clerk:\n"
            + "        baseUrl: " + clerk.baseUrl() + "\n"
            + "        secretKey: " + ClerkSeed.SECRET_KEY + "\n"
            + "        requestsPerSecond: " + requestsPerSecond + "\n"
            // The deadline runs on real time: generous, so a loaded machine does not time out.
            + "        timeout: 20s\n"
            + "        " + upstreamYaml + "\n";
    app = ConfigLoader.parse(yaml, Map.of()).apps().get("lance");
    channel = UpstreamChannels.create(vertx, app.clerk(), app.name(), time, registry);
    Map<Provider, DirectoryClient> clients =
        Map.of(Provider.CLERK, new ClerkClient(channel, app.clerk(), timers));
    CacheSpace space = new CacheSpace(app.cache(), time, new CacheMetrics(registry, app.name()));
    directory = new AppDirectory(app, clients, space);
  }

  /** A caller in no organisation. */
  static Caller caller(String subject) {
    return new Caller(subject, null, null, Long.MAX_VALUE);
  }

  /** A caller in {@code orgId} with {@code role}. */
  static Caller caller(String subject, String orgId, String role) {
    return new Caller(subject, orgId, role, Long.MAX_VALUE);
  }

  /** The JSON body of an answer. */
  static JsonObject json(Answer answer) {
    return answer.body().bytes().toJsonObject();
  }

  /** Waits until every future has completed, whichever way. */
  static void settle(List<? extends Future<?>> futures) {
    Future.join(new ArrayList<>(futures)).otherwise(f -> null).await();
  }

  /** Polls {@code condition} (on real time, every 10 ms) until it holds; fails after 20 s. */
  void waitUntil(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 20 s");
      }
      vertx.timer(10, TimeUnit.MILLISECONDS).await();
    }
  }

  @Override
  public void close() {
    channel.close();
    vertx.close().await();
  }
}
