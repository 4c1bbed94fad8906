package dev.roster.webhook;

import static dev.roster.webhook.SvixTestSigner.DEMO_SECRET;
import static dev.roster.webhook.SvixTestSigner.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.model.Provider;
import dev.roster.model.User;
import dev.roster.time.ManualTimeSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ClerkWebhookProcessorTest {
  static final long NOW_SECONDS = 1_716_883_200L;
  static final String USER_ID = "user_2g7np7Hrk0SN6kj5EDMLDaKNL0S";
  static final String ORG_ID = "org_2g7np7Hrk0SN6kj5EDMLDaKNL0S";

  /** Stands in for ClerkUserMapper (written elsewhere): id and first name are enough here. */
  static final Function<JsonObject, User> TEST_MAPPER =
      data -> {
        String id = data.getString("id");
        if (id == null || !id.startsWith("user_")) {
          throw new IllegalArgumentException("not a Clerk user");
        }
        return new User(id, Provider.CLERK, data.getString("first_name"), null, null, null, null,
            List.of(), null, List.of(), null, false, null, new JsonObject(), new JsonObject(),
            new JsonObject(), 0, 0, null, false, false, false, new JsonObject());
      };

  final ManualTimeSource time = new ManualTimeSource(NOW_SECONDS * 1000);
  final RecordingDirectoryChanges directory = new RecordingDirectoryChanges();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final ClerkWebhookProcessor processor =
      new ClerkWebhookProcessor("demo", DEMO_SECRET, directory, time, TEST_MAPPER, registry);

  /** Delivers {@code body} signed now with the demo secret. */
  WebhookOutcome deliver(ClerkWebhookProcessor to, String id, byte[] body) {
    long now = time.epochMillis() / 1000;
    return to.process(id, Long.toString(now), SvixTestSigner.v1(DEMO_SECRET, id, now, body),
        Buffer.buffer(body));
  }

  WebhookOutcome deliver(String id, byte[] body) {
    return deliver(processor, id, body);
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  double count(String outcome) {
    var counter =
        registry.find("roster.webhooks").tag("app", "demo").tag("outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void userCreatedUpsertsTheMappedUser() {
    WebhookOutcome outcome = deliver("msg_1", fixture("user-created.json"));

    assertThat(outcome).isEqualTo(WebhookOutcome.PROCESSED);
    assertThat(outcome.status()).isEqualTo(204);
    assertThat(directory.calls).containsExactly("upserted " + USER_ID);
    assertThat(directory.upserted.get(0).firstName()).isEqualTo("John");
  }

  @Test
  void userUpdatedUpsertsTheMappedUser() {
    assertThat(deliver("msg_1", fixture("user-updated.json")).status()).isEqualTo(204);

    assertThat(directory.calls).containsExactly("upserted " + USER_ID);
  }

  @Test
  void userDeletedEvictsTheUser() {
    assertThat(deliver("msg_1", fixture("user-deleted.json")).status()).isEqualTo(204);

    assertThat(directory.calls).containsExactly("deleted " + USER_ID);
  }

  @Test
  void membershipEventsEvictOnlyTheOrganisationsMemberList() {
    assertThat(deliver("msg_1", fixture("membership-created.json")).status()).isEqualTo(204);
    assertThat(deliver("msg_2", fixture("membership-updated.json")).status()).isEqualTo(204);
    assertThat(deliver("msg_3", fixture("membership-deleted.json")).status()).isEqualTo(204);

    // Not the membership id, and not the member's user entry.
    assertThat(directory.calls).containsExactly(
        "membersChanged " + ORG_ID, "membersChanged " + ORG_ID, "membersChanged " + ORG_ID);
  }

  @Test
  void organizationDeletedEvictsItsMemberList() {
    assertThat(deliver("msg_1", fixture("organization-deleted.json")).status()).isEqualTo(204);

    assertThat(directory.calls).containsExactly("membersChanged " + ORG_ID);
  }

  @Test
  void organizationUpdatedAndSessionEventsAreAcknowledgedAndIgnored() {
    assertThat(deliver("msg_1", fixture("organization-updated.json")))
        .isEqualTo(WebhookOutcome.IGNORED);
    assertThat(deliver("msg_2", fixture("session-created.json")))
        .isEqualTo(WebhookOutcome.IGNORED);

    assertThat(directory.calls).isEmpty();
  }

  @Test
  void unknownEventTypeIsAcknowledgedAndIgnored() {
    byte[] body = utf8("{\"object\":\"event\",\"type\":\"subscription.created\",\"data\":{},"
        + "\"timestamp\":1716883200,\"instance_id\":\"ins_1\"}");

    WebhookOutcome outcome = deliver("msg_1", body);

    assertThat(outcome.status()).isEqualTo(204);
    assertThat(outcome.reason()).isEqualTo("ignored");
    assertThat(directory.calls).isEmpty();
  }

  @Test
  void badSignatureIsUnauthorizedAndChangesNothing() {
    byte[] body = fixture("user-deleted.json");
    String ts = Long.toString(NOW_SECONDS);
    String wrong = SvixTestSigner.v1("whsec_b3RoZXItc2VjcmV0", "msg_1", NOW_SECONDS, body);

    WebhookOutcome outcome = processor.process("msg_1", ts, wrong, Buffer.buffer(body));

    assertThat(outcome.status()).isEqualTo(401);
    assertThat(outcome.code()).isEqualTo("UNAUTHORIZED");
    assertThat(outcome.reason()).isEqualTo("signature_mismatch");
    assertThat(outcome.message()).isNotBlank();
    assertThat(directory.calls).isEmpty();
  }

  @Test
  void missingHeadersAreUnauthorized() {
    byte[] body = fixture("user-deleted.json");
    String ts = Long.toString(NOW_SECONDS);
    String sig = SvixTestSigner.v1(DEMO_SECRET, "msg_1", NOW_SECONDS, body);

    assertThat(processor.process(null, ts, sig, Buffer.buffer(body)).status()).isEqualTo(401);
    assertThat(processor.process("msg_1", null, sig, Buffer.buffer(body)).status())
        .isEqualTo(401);
    assertThat(processor.process("msg_1", ts, null, Buffer.buffer(body)).status())
        .isEqualTo(401);
    assertThat(directory.calls).isEmpty();
  }

  @Test
  void staleDeliveryIsUnauthorized() {
    byte[] body = fixture("user-deleted.json");
    long old = NOW_SECONDS - Duration.ofMinutes(6).toSeconds();
    String sig = SvixTestSigner.v1(DEMO_SECRET, "msg_1", old, body);

    WebhookOutcome outcome =
        processor.process("msg_1", Long.toString(old), sig, Buffer.buffer(body));

    assertThat(outcome.status()).isEqualTo(401);
    assertThat(outcome.reason()).isEqualTo("timestamp_too_old");
    assertThat(directory.calls).isEmpty();
  }

  @Test
  void replayedIdIsAcknowledgedButActedOnOnce() {
    byte[] body = fixture("user-deleted.json");

    assertThat(deliver("msg_1", body)).isEqualTo(WebhookOutcome.PROCESSED);
    time.advance(Duration.ofMinutes(30));
    assertThat(deliver("msg_1", body)).isEqualTo(WebhookOutcome.DUPLICATE);

    assertThat(directory.calls).containsExactly("deleted " + USER_ID);
  }

  @Test
  void ignoredEventIsAlsoRememberedAsHandled() {
    byte[] body = fixture("session-created.json");

    assertThat(deliver("msg_1", body)).isEqualTo(WebhookOutcome.IGNORED);
    assertThat(deliver("msg_1", body)).isEqualTo(WebhookOutcome.DUPLICATE);
  }

  @Test
  void idFromAFailedSignatureIsStillProcessedWhenCorrectlySigned() {
    byte[] body = fixture("user-deleted.json");
    String ts = Long.toString(NOW_SECONDS);
    String forged = SvixTestSigner.v1("whsec_b3RoZXItc2VjcmV0", "msg_1", NOW_SECONDS, body);
    assertThat(processor.process("msg_1", ts, forged, Buffer.buffer(body)).status())
        .isEqualTo(401);

    assertThat(deliver("msg_1", body)).isEqualTo(WebhookOutcome.PROCESSED);
    assertThat(directory.calls).containsExactly("deleted " + USER_ID);
  }

  @Test
  void malformedJsonIsAValidationErrorAndChangesNothing() {
    for (String text : new String[] {"{\"object\":\"event\",", "[1,2]", "\"text\"", "", "null"}) {
      WebhookOutcome outcome = deliver("msg_" + text.hashCode(), utf8(text));

      assertThat(outcome.status()).as(text).isEqualTo(400);
      assertThat(outcome.code()).isEqualTo("VALIDATION_ERROR");
      assertThat(outcome.reason()).isEqualTo("malformed_json");
    }
    assertThat(directory.calls).isEmpty();
    assertThat(processor.rememberedIds()).isZero();
  }

  @Test
  void objectThatIsNotAnEventEnvelopeIsAValidationError() {
    byte[] noType = utf8("{\"object\":\"event\",\"data\":{\"id\":\"user_1\"}}");
    byte[] notEvent = utf8("{\"object\":\"user\",\"type\":\"user.deleted\",\"data\":{}}");

    assertThat(deliver("msg_1", noType).reason()).isEqualTo("malformed_envelope");
    assertThat(deliver("msg_2", notEvent).reason()).isEqualTo("malformed_envelope");
    assertThat(directory.calls).isEmpty();
  }

  @Test
  void eventLackingTheIdItNeedsIsAValidationError() {
    byte[] userDeleted = utf8("{\"object\":\"event\",\"type\":\"user.deleted\","
        + "\"data\":{\"object\":\"user\",\"deleted\":true}}");
    byte[] membership = utf8("{\"object\":\"event\",\"type\":\"organizationMembership.created\","
        + "\"data\":{\"id\":\"orgmem_1\"}}");
    byte[] noData = utf8("{\"object\":\"event\",\"type\":\"user.created\"}");

    assertThat(deliver("msg_1", userDeleted).status()).isEqualTo(400);
    assertThat(deliver("msg_2", membership).status()).isEqualTo(400);
    assertThat(deliver("msg_3", noData).status()).isEqualTo(400);
    assertThat(directory.calls).isEmpty();
  }

  @Test
  void unmappableUserIsAValidationErrorAndTheIdIsNotRecorded() {
    byte[] bad = utf8("{\"object\":\"event\",\"type\":\"user.updated\",\"data\":{\"id\":42}}");

    WebhookOutcome outcome = deliver("msg_1", bad);

    assertThat(outcome.status()).isEqualTo(400);
    assertThat(outcome.reason()).isEqualTo("unmappable_user");
    assertThat(directory.calls).isEmpty();
    // A later, correct delivery under the same id is processed.
    assertThat(deliver("msg_1", fixture("user-updated.json"))).isEqualTo(WebhookOutcome.PROCESSED);
  }

  @Test
  void directoryFailurePropagatesAndLeavesTheIdUnrecorded() {
    AtomicInteger attempts = new AtomicInteger();
    RecordingDirectoryChanges flaky =
        new RecordingDirectoryChanges() {
          @Override
          public void userDeleted(String userId) {
            if (attempts.incrementAndGet() == 1) {
              throw new IllegalStateException("cache unavailable");
            }
            super.userDeleted(userId);
          }
        };
    ClerkWebhookProcessor withFlaky =
        new ClerkWebhookProcessor("demo", DEMO_SECRET, flaky, time, TEST_MAPPER, registry);
    byte[] body = fixture("user-deleted.json");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> deliver(withFlaky, "msg_1", body))
        .isInstanceOf(IllegalStateException.class);
    assertThat(deliver(withFlaky, "msg_1", body)).isEqualTo(WebhookOutcome.PROCESSED);
    assertThat(flaky.calls).containsExactly("deleted " + USER_ID);
    assertThat(count("error")).isEqualTo(1);
  }

  @Test
  void countsEachOutcomePerApp() {
    byte[] body = fixture("user-deleted.json");
    deliver("msg_1", body);
    deliver("msg_1", body);
    processor.process("msg_2", Long.toString(NOW_SECONDS), "v1,AAAA", Buffer.buffer(body));

    assertThat(count("processed")).isEqualTo(1);
    assertThat(count("duplicate")).isEqualTo(1);
    assertThat(count("signature_mismatch")).isEqualTo(1);
  }
}
