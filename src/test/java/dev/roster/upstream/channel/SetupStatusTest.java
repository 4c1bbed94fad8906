package dev.roster.upstream.channel;

import static dev.roster.upstream.testing.FakeUpstream.json;
import static dev.roster.upstream.testing.FakeUpstream.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.metrics.UpstreamMetrics;
import dev.roster.upstream.FailureKind;
import dev.roster.upstream.LogRecorder;
import dev.roster.upstream.ResponseDecoder;
import dev.roster.upstream.UpstreamChannel;
import dev.roster.upstream.VendorAnswers;
import org.junit.jupiter.api.Test;

/** A refused key or a rejecting base URL is named once in the log, in a reason and a gauge. */
class SetupStatusTest extends ChannelTestBase {
  private static final VendorAnswers CLERK =
      new VendorAnswers("Clerk", body -> body.containsKey("errors"));
  private static final ResponseDecoder<String> USER =
      CLERK.decoder("GET /v1/users/{id}", r -> "found", () -> "absent");

  private double refusedGauge() {
    return registry.get(UpstreamMetrics.CREDENTIALS_REFUSED)
        .tag("app", "lance").tag("upstream", "clerk").gauge().value();
  }

  @Test
  void aRefusedKeyIsLoggedOnceShownAndCountedThenRecovers() {
    UpstreamChannel channel = defaultChannel();
    try (LogRecorder log = LogRecorder.of(SetupStatus.class)) {
      fake.answer(status(401, "{\"errors\":[{\"code\":\"authentication_invalid\"}]}"));
      for (int i = 0; i < 3; i++) {
        assertThat(failureOf(channel.exchange(get("/v1/users/u"), USER)).kind())
            .isEqualTo(FailureKind.CREDENTIALS_REFUSED);
      }

      assertThat(log.lines()).singleElement().isEqualTo("SEVERE upstream clerk of app lance"
          + " refused Roster's credentials (Clerk answered 401 to GET /v1/users/{id}):"
          + " check secretKey");
      assertThat(channel.setupProblem()).contains("check secretKey").doesNotContain("sk_test");
      assertThat(refusedGauge()).isEqualTo(1.0);

      fake.answer(json("{\"id\":\"u\"}"));
      assertThat(channel.exchange(get("/v1/users/u"), USER).await()).isEqualTo("found");

      assertThat(channel.setupProblem()).isNull();
      assertThat(refusedGauge()).isEqualTo(0.0);
      assertThat(log.lines()).hasSize(2).last()
          .isEqualTo("INFO upstream clerk of app lance answers Roster's requests again");
    }
  }

  @Test
  void a404FromSomethingElseThanClerkNamesTheBaseUrlOnce() {
    UpstreamChannel channel = defaultChannel();
    try (LogRecorder log = LogRecorder.of(SetupStatus.class)) {
      fake.answer(status(404, "<html>nothing here</html>"));
      for (int i = 0; i < 3; i++) {
        assertThat(failureOf(channel.exchange(get("/v1/v1/users/u"), USER)).kind())
            .isEqualTo(FailureKind.REJECTED);
      }

      assertThat(log.lines()).singleElement().asString()
          .contains("upstream clerk of app lance rejected a request", "check baseUrl");
      assertThat(channel.setupProblem()).contains("404", "check baseUrl");
      assertThat(refusedGauge()).isEqualTo(0.0);
    }
  }

  @Test
  void clerksOwn404ProvesTheSetupWorks() {
    UpstreamChannel channel = defaultChannel();
    fake.answer(status(401, ""));
    failureOf(channel.exchange(get("/v1/users/u"), USER));
    fake.answer(status(404, "{\"errors\":[{\"code\":\"resource_not_found\"}]}"));

    assertThat(channel.exchange(get("/v1/users/u"), USER).await()).isEqualTo("absent");
    assertThat(channel.setupProblem()).isNull();
  }
}
