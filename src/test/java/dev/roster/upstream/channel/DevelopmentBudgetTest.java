package dev.roster.upstream.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.config.UpstreamOptions;
import dev.roster.time.ManualTimeSource;
import java.time.Duration;
import java.util.ArrayDeque;
import org.junit.jupiter.api.Test;

/** The development default budget stays under Clerk's 100 requests per 10 s. */
class DevelopmentBudgetTest {
  @Test
  void nineAPerSecondAdmitsAtMost99InAnyTenSeconds() {
    ManualTimeSource time = new ManualTimeSource();
    RequestBudget budget =
        new RequestBudget(UpstreamOptions.DEVELOPMENT_REQUESTS_PER_SECOND, time);
    ArrayDeque<Long> admitted = new ArrayDeque<>();
    int most = 0;
    // A caller that asks every 10 ms for 30 s, starting with a full bucket.
    for (int step = 0; step < 3000; step++) {
      long now = time.nanoTime();
      if (budget.tryTakeNow() == null) {
        admitted.addLast(now);
      }
      while (!admitted.isEmpty() && now - admitted.peekFirst() >= Duration.ofSeconds(10).toNanos()) {
        admitted.removeFirst();
      }
      most = Math.max(most, admitted.size());
      time.advance(Duration.ofMillis(10));
    }
    // 9 in the full bucket plus 9 a second: at most 99, whatever the sampling steps.
    assertThat(most).isBetween(95, 99);
  }
}
