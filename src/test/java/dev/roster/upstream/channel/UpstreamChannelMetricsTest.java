package dev.roster.upstream.channel;

import static dev.roster.upstream.testing.FakeUpstream.json;
import static dev.roster.upstream.testing.FakeUpstream.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.metrics.UpstreamMetrics;
import dev.roster.upstream.UpstreamChannel;
import io.micrometer.core.instrument.search.Search;
import org.junit.jupiter.api.Test;

/** The meters an upstream channel keeps. */
class UpstreamChannelMetricsTest extends ChannelTestBase {

  private double requests(String outcome) {
    var counter = Search.in(registry)
        .name(UpstreamMetrics.REQUESTS)
        .tags("app", "lance", "upstream", "clerk", "outcome", outcome)
        .counter();
    return counter == null ? 0 : counter.count();
  }

  private double gauge(String name) {
    return Search.in(registry).name(name).tags("app", "lance", "upstream", "clerk").gauge().value();
  }

  @Test
  void countsExchangesByOutcomeAndTimesThem() {
    fake.answer(json("{\"id\":\"user_1\"}"), status(500, ""));
    UpstreamChannel channel = defaultChannel();
    channel.exchange(get("/v1/users/u"), JSON_ID).await();
    failureOf(channel.exchange(get("/v1/users/u"), JSON_ID));
    assertThat(requests("ok")).isEqualTo(1);
    assertThat(requests("server_error")).isEqualTo(1);
    assertThat(Search.in(registry).name(UpstreamMetrics.LATENCY).timer().count()).isEqualTo(2);
  }

  @Test
  void showsTheCircuitOpeningAndTheBudgetDraining() {
    fake.answer(status(500, ""));
    UpstreamChannel channel = defaultChannel();
    assertThat(gauge(UpstreamMetrics.CIRCUIT_STATE)).isEqualTo(UpstreamMetrics.CIRCUIT_CLOSED);
    double fullBudget = gauge(UpstreamMetrics.BUDGET_TOKENS);
    for (int i = 0; i < 6; i++) {
      failureOf(channel.exchange(get("/v1/users/u"), JSON_ID));
    }
    assertThat(gauge(UpstreamMetrics.CIRCUIT_STATE)).isEqualTo(UpstreamMetrics.CIRCUIT_OPEN);
    assertThat(requests("circuit_open")).isEqualTo(1);
    assertThat(gauge(UpstreamMetrics.BUDGET_TOKENS)).isEqualTo(fullBudget - 5);
  }
}
