package dev.roster.webhook;

import static dev.roster.webhook.SvixTestSigner.DEMO_SECRET;
import static dev.roster.webhook.SvixTestSigner.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.time.ManualTimeSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ClerkWebhookIdempotencyTest {
  private static final long NOW_SECONDS = ClerkWebhookProcessorTest.NOW_SECONDS;
  private static final byte[] IGNORED_EVENT =
      "{\"object\":\"event\",\"type\":\"session.created\",\"data\":{}}"
          .getBytes(StandardCharsets.UTF_8);

  private final ManualTimeSource time = new ManualTimeSource(NOW_SECONDS * 1000);
  private final RecordingDirectoryChanges directory = new RecordingDirectoryChanges();

  private WebhookOutcome deliver(ClerkWebhookProcessor processor, String id, byte[] body) {
    long now = time.epochMillis() / 1000;
    return processor.process(id, Long.toString(now),
        SvixTestSigner.v1(DEMO_SECRET, id, now, body), Buffer.buffer(body));
  }

  private ClerkWebhookProcessor processor(RecordingDirectoryChanges changes) {
    return new ClerkWebhookProcessor("demo", DEMO_SECRET, changes, time,
        ClerkWebhookProcessorTest.TEST_MAPPER, new SimpleMeterRegistry());
  }

  @Test
  void rememberedIdsStayWithinTheConfiguredBound() {
    ClerkWebhookProcessor small = new ClerkWebhookProcessor("demo", DEMO_SECRET, directory, time,
        ClerkWebhookProcessorTest.TEST_MAPPER, new SimpleMeterRegistry(), 50,
        Duration.ofHours(24));

    for (int i = 0; i < 1_000; i++) {
      assertThat(deliver(small, "msg_" + i, IGNORED_EVENT).status()).isEqualTo(204);
    }

    assertThat(small.rememberedIds()).isBetween(1L, 50L);
  }

  @Test
  void defaultStoreHoldsAtMostOneHundredThousandIds() {
    ClerkWebhookProcessor processor = processor(directory);

    for (int i = 0; i < 100_500; i++) {
      deliver(processor, "msg_" + i, IGNORED_EVENT);
    }

    assertThat(processor.rememberedIds()).isBetween(90_000L, 100_000L);
  }

  @Test
  void idIsForgottenAfterTwentyFourHours() {
    ClerkWebhookProcessor processor = processor(directory);
    byte[] body = fixture("user-deleted.json");
    assertThat(deliver(processor, "msg_1", body)).isEqualTo(WebhookOutcome.PROCESSED);

    time.advance(Duration.ofHours(23));
    assertThat(deliver(processor, "msg_1", body)).isEqualTo(WebhookOutcome.DUPLICATE);

    time.advance(Duration.ofHours(1).plusSeconds(1));
    assertThat(deliver(processor, "msg_1", body)).isEqualTo(WebhookOutcome.PROCESSED);
    assertThat(directory.calls).hasSize(2);
  }

  @Test
  void concurrentDeliveriesOfOneIdActOnce() throws Exception {
    CountDownLatch firstIsActing = new CountDownLatch(1);
    CountDownLatch letFirstFinish = new CountDownLatch(1);
    RecordingDirectoryChanges slow =
        new RecordingDirectoryChanges() {
          @Override
          public void userDeleted(String userId) {
            super.userDeleted(userId);
            firstIsActing.countDown();
            await(letFirstFinish);
          }
        };
    ClerkWebhookProcessor processor = processor(slow);
    byte[] body = fixture("user-deleted.json");
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      Future<WebhookOutcome> first = other.submit(() -> deliver(processor, "msg_1", body));
      assertThat(firstIsActing.await(10, TimeUnit.SECONDS)).isTrue();

      // The first delivery is still inside the directory call: the second must not act.
      WebhookOutcome second = deliver(processor, "msg_1", body);
      letFirstFinish.countDown();

      assertThat(second).isEqualTo(WebhookOutcome.DUPLICATE);
      assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(WebhookOutcome.PROCESSED);
      assertThat(slow.calls).hasSize(1);
    } finally {
      letFirstFinish.countDown();
      other.shutdownNow();
    }
  }

  @Test
  void metricIsExposedAsRosterWebhooksTotal() {
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ClerkWebhookProcessor processor = new ClerkWebhookProcessor("demo", DEMO_SECRET, directory,
        time, ClerkWebhookProcessorTest.TEST_MAPPER, prometheus);

    deliver(processor, "msg_1", fixture("user-deleted.json"));

    assertThat(prometheus.scrape())
        .contains("roster_webhooks_total{app=\"demo\",outcome=\"processed\"} 1");
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("latch not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
