package dev.roster.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Over HTTP: one caller reading ids nobody else reads gets 429 {@code RATE_LIMITED} with
 * {@code Retry-After} once its share of upstream fetches is spent (a quarter of 90 requests per
 * second, a burst of 44), while another caller's cold read still reaches the upstream.
 */
class CallerShareTest {
  private final RosterHarness harness = new RosterHarness();

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void aCallerOverItsShareOfMissesGets429WhileOthersStillFetch() {
    // initech: visibility "authenticated", so every id a caller asks for is fetched.
    String attacker = harness.token("user_attacker", null, null);
    List<HttpResponse<Buffer>> answers = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      answers.add(harness.get("/initech/v1/users/user_random" + i, attacker));
    }
    HttpResponse<Buffer> refused =
        answers.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
    int fetched = harness.clerk.requestsTo("/v1/users/user_random").size();

    assertThat(fetched).isLessThanOrEqualTo(44);
    assertThat(answers.stream().filter(r -> r.statusCode() == 429).count())
        .isEqualTo(60 - fetched);
    assertThat(refused.getHeader("Retry-After")).isNotNull();
    assertThat(refused.bodyAsJsonObject().getJsonObject("error").getString("code"))
        .isEqualTo("RATE_LIMITED");

    String other = harness.token("user_other", null, null);
    harness.get("/initech/v1/users/user_elsewhere", other);
    assertThat(harness.clerk.requestsTo("/v1/users/user_elsewhere")).hasSize(1);
  }
}
