package dev.roster.upstream.clerk;

import dev.roster.config.CircuitBreakerOptions;
import dev.roster.config.UpstreamOptions;
import dev.roster.model.Provider;
import dev.roster.upstream.testing.DirectChannel;
import dev.roster.upstream.testing.FakeUpstream;
import io.vertx.core.Vertx;
import java.time.Duration;

/** A Clerk client straight to a {@link FakeUpstream} (no guards), shared by client tests. */
final class ClerkFake {
  static final String SECRET = "sk_test_rosterdemo0000000000000000";

  private ClerkFake() {}

  static ClerkClient client(Vertx vertx, FakeUpstream clerk) {
    UpstreamOptions options =
        new UpstreamOptions(
            Provider.CLERK, clerk.baseUrl(), Duration.ofSeconds(3), 64, 90,
            CircuitBreakerOptions.DEFAULTS, SECRET, null, null, null, null);
    return new ClerkClient(new DirectChannel(vertx, clerk.baseUrl()), options);
  }
}
