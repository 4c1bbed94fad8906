package dev.roster.webhook;

import static dev.roster.webhook.SvixTestSigner.DEMO_SECRET;
import static dev.roster.webhook.SvixTestSigner.v1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.time.ManualTimeSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SvixSignatureVerifierTest {
  private static final long NOW_SECONDS = 1_716_883_200L;
  private static final String ID = "msg_2g7np7Hrk0SN6kj5EDMLDaKNL0S";
  private static final byte[] BODY = SvixTestSigner.fixture("user-created.json");

  private final ManualTimeSource time = new ManualTimeSource(NOW_SECONDS * 1000);
  private final SvixSignatureVerifier verifier = new SvixSignatureVerifier(DEMO_SECRET, time);

  private SignatureCheck verifyAt(long timestamp) {
    String ts = Long.toString(timestamp);
    return verifier.verify(ID, ts, v1(DEMO_SECRET, ID, timestamp, BODY), BODY);
  }

  @Test
  void acceptsSvixDocumentedExample() {
    // The worked example of Svix's "Verifying Webhooks Manually" documentation (also the
    // Standard Webhooks reference vector): the expected signature is a published constant.
    String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    SvixSignatureVerifier atThatTime =
        new SvixSignatureVerifier(secret, new ManualTimeSource(1_614_265_330_000L));

    SignatureCheck check = atThatTime.verify("msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330",
        "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", body);

    assertThat(check).isEqualTo(SignatureCheck.VALID);
    // And the test signer agrees with the published value, so the other tests' signatures are
    // real Svix signatures too.
    assertThat(v1(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1_614_265_330L, body))
        .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void acceptsFixtureSignedWithDemoSecret() {
    assertThat(verifyAt(NOW_SECONDS)).isEqualTo(SignatureCheck.VALID);
  }

  @Test
  void acceptsWhenAnyOfSeveralSignaturesMatches() {
    String good = v1(DEMO_SECRET, ID, NOW_SECONDS, BODY);
    String otherSecret = v1("whsec_" + "b3RoZXItc2VjcmV0", ID, NOW_SECONDS, BODY);
    String header = "v2,abc " + otherSecret + " v1,not*base64 " + good + " v1,AAAA";

    assertThat(verifier.verify(ID, Long.toString(NOW_SECONDS), header, BODY))
        .isEqualTo(SignatureCheck.VALID);
  }

  @Test
  void refusesWhenOnlyOtherVersionsAreSigned() {
    String sig = v1(DEMO_SECRET, ID, NOW_SECONDS, BODY).substring(3);
    String header = "v2," + sig + " v1a," + sig + " " + sig;

    assertThat(verifier.verify(ID, Long.toString(NOW_SECONDS), header, BODY))
        .isEqualTo(SignatureCheck.NO_V1_SIGNATURE);
  }

  @Test
  void refusesSignatureMadeWithAnotherSecret() {
    String wrong = v1("whsec_" + "d3Jvbmctc2VjcmV0LXdyb25nLXNlY3JldA==", ID, NOW_SECONDS, BODY);

    assertThat(verifier.verify(ID, Long.toString(NOW_SECONDS), wrong, BODY))
        .isEqualTo(SignatureCheck.SIGNATURE_MISMATCH);
  }

  @Test
  void refusesBodyChangedByOneByte() {
    String sig = v1(DEMO_SECRET, ID, NOW_SECONDS, BODY);
    byte[] changed = BODY.clone();
    changed[changed.length / 2] ^= 1;

    assertThat(verifier.verify(ID, Long.toString(NOW_SECONDS), sig, changed))
        .isEqualTo(SignatureCheck.SIGNATURE_MISMATCH);
  }

  @Test
  void refusesSignatureOfAnotherIdOrTimestamp() {
    String sig = v1(DEMO_SECRET, ID, NOW_SECONDS, BODY);

    assertThat(verifier.verify("msg_other", Long.toString(NOW_SECONDS), sig, BODY))
        .isEqualTo(SignatureCheck.SIGNATURE_MISMATCH);
    assertThat(verifier.verify(ID, Long.toString(NOW_SECONDS + 1), sig, BODY))
        .isEqualTo(SignatureCheck.SIGNATURE_MISMATCH);
  }

  @Test
  void verifiesRawBytesNotReEncodedJson() {
    // Non-ASCII text and odd spacing: any re-serialisation would change the signed bytes.
    byte[] body = "{ \"data\" : {\"first_name\":\"Zoë\"},\"type\":\"user.updated\" }"
        .getBytes(StandardCharsets.UTF_8);
    String sig = v1(DEMO_SECRET, ID, NOW_SECONDS, body);

    assertThat(verifier.verify(ID, Long.toString(NOW_SECONDS), sig, body))
        .isEqualTo(SignatureCheck.VALID);
  }

  @Test
  void refusesTimestampSixMinutesOld() {
    assertThat(verifyAt(NOW_SECONDS - Duration.ofMinutes(6).toSeconds()))
        .isEqualTo(SignatureCheck.TIMESTAMP_TOO_OLD);
  }

  @Test
  void refusesTimestampSixMinutesAhead() {
    assertThat(verifyAt(NOW_SECONDS + Duration.ofMinutes(6).toSeconds()))
        .isEqualTo(SignatureCheck.TIMESTAMP_TOO_NEW);
  }

  @Test
  void acceptsTimestampFourMinutesEitherWay() {
    assertThat(verifyAt(NOW_SECONDS - Duration.ofMinutes(4).toSeconds()))
        .isEqualTo(SignatureCheck.VALID);
    assertThat(verifyAt(NOW_SECONDS + Duration.ofMinutes(4).toSeconds()))
        .isEqualTo(SignatureCheck.VALID);
  }

  @Test
  void deliveryGoesStaleAsTheClockMoves() {
    String sig = v1(DEMO_SECRET, ID, NOW_SECONDS, BODY);
    String ts = Long.toString(NOW_SECONDS);
    time.advance(Duration.ofMinutes(5));
    assertThat(verifier.verify(ID, ts, sig, BODY)).isEqualTo(SignatureCheck.VALID);

    time.advance(Duration.ofSeconds(1));
    assertThat(verifier.verify(ID, ts, sig, BODY)).isEqualTo(SignatureCheck.TIMESTAMP_TOO_OLD);
  }

  @Test
  void refusesMissingOrBlankHeaders() {
    String ts = Long.toString(NOW_SECONDS);
    String sig = v1(DEMO_SECRET, ID, NOW_SECONDS, BODY);

    assertThat(verifier.verify(null, ts, sig, BODY)).isEqualTo(SignatureCheck.MISSING_ID);
    assertThat(verifier.verify(" ", ts, sig, BODY)).isEqualTo(SignatureCheck.MISSING_ID);
    assertThat(verifier.verify(ID, null, sig, BODY)).isEqualTo(SignatureCheck.MISSING_TIMESTAMP);
    assertThat(verifier.verify(ID, "", sig, BODY)).isEqualTo(SignatureCheck.MISSING_TIMESTAMP);
    assertThat(verifier.verify(ID, ts, null, BODY)).isEqualTo(SignatureCheck.MISSING_SIGNATURE);
    assertThat(verifier.verify(ID, ts, "  ", BODY)).isEqualTo(SignatureCheck.MISSING_SIGNATURE);
  }

  @Test
  void refusesNonNumericTimestamps() {
    String sig = v1(DEMO_SECRET, ID, NOW_SECONDS, BODY);
    for (String ts : new String[] {"soon", "1716883200.5", "-1716883200", "+1716883200",
        "0x6655", "1716883200000000000000", "2024-05-28T08:00:00Z"}) {
      assertThat(verifier.verify(ID, ts, sig, BODY)).as(ts)
          .isEqualTo(SignatureCheck.MALFORMED_TIMESTAMP);
    }
  }

  @Test
  void refusesGarbageSignatureHeader() {
    String ts = Long.toString(NOW_SECONDS);

    assertThat(verifier.verify(ID, ts, "v1,", BODY)).isEqualTo(SignatureCheck.SIGNATURE_MISMATCH);
    assertThat(verifier.verify(ID, ts, "v1,%%%", BODY))
        .isEqualTo(SignatureCheck.SIGNATURE_MISMATCH);
    assertThat(verifier.verify(ID, ts, "garbage", BODY))
        .isEqualTo(SignatureCheck.NO_V1_SIGNATURE);
  }

  @Test
  void refusesOverlongId() {
    String longId = "msg_" + "x".repeat(SvixSignatureVerifier.MAX_ID_LENGTH);
    String sig = v1(DEMO_SECRET, longId, NOW_SECONDS, BODY);

    assertThat(verifier.verify(longId, Long.toString(NOW_SECONDS), sig, BODY))
        .isEqualTo(SignatureCheck.MALFORMED_ID);
  }

  @Test
  void rejectsSecretWithoutWhsecPrefixWithoutEchoingIt() {
    String bare = DEMO_SECRET.substring("whsec_".length());

    assertThatThrownBy(() -> new SvixSignatureVerifier(bare, time))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(bare);
    assertThat(SvixSignatureVerifier.isWellFormedSecret(bare)).isFalse();
    assertThat(SvixSignatureVerifier.isWellFormedSecret(DEMO_SECRET)).isTrue();
  }

  @Test
  void rejectsSecretThatIsNotBase64OrEmpty() {
    assertThatThrownBy(() -> new SvixSignatureVerifier("whsec_not*base64!", time))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("not*base64!");
    assertThat(SvixSignatureVerifier.isWellFormedSecret("whsec_")).isFalse();
    assertThat(SvixSignatureVerifier.isWellFormedSecret(null)).isFalse();
  }

  @Test
  void reasonsNeverCarrySignatureMaterial() {
    for (SignatureCheck check : SignatureCheck.values()) {
      assertThat(check.reason()).matches("[a-z0-9_]+");
      assertThat(check.message()).doesNotContain("whsec_").doesNotContain("v1,");
    }
  }
}
