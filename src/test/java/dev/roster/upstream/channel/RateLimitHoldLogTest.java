package dev.roster.upstream.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.logging.LogCapture;
import dev.roster.time.ManualTimeSource;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The 429 that starts a hold is logged with its Retry-After; 429s during the hold are not. */
class RateLimitHoldLogTest {
  @Test
  void logsTheFirst429OfAHoldWithItsRetryAfter() {
    ManualTimeSource time = new ManualTimeSource();
    RateLimitHold hold = new RateLimitHold(time, new ChannelName("acme", "clerk"));
    try (LogCapture log = LogCapture.of(RateLimitHold.class)) {
      hold.holdFor(Duration.ofSeconds(30));
      time.advance(Duration.ofSeconds(10));
      hold.holdFor(Duration.ofSeconds(30));

      assertThat(log.lines())
          .containsExactly(
              "WARN upstream clerk of app acme answered 429: no call to it for 30 s"
                  + " (its Retry-After); stale entries are served meanwhile");

      time.advance(Duration.ofSeconds(41));
      hold.holdFor(Duration.ofSeconds(2));
      assertThat(log.lines()).hasSize(2);
      assertThat(log.lines().get(1)).contains("for 2 s");
    }
  }
}
