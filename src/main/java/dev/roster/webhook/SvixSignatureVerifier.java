package dev.roster.webhook;

import dev.roster.time.TimeSource;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies a Svix delivery (the transport of Clerk's webhooks): an HMAC-SHA256, keyed by the
 * base64-decoded part of a {@code whsec_} secret, over {@code id + "." + timestamp + "." +
 * body}, where the body is the raw bytes as received. The {@code svix-signature} header holds
 * space-separated {@code version,base64} entries; any {@code v1} entry may match (Svix sends
 * several while a secret rotates). The timestamp must be within {@link #TOLERANCE} of now,
 * either way, which bounds how long a captured delivery can be replayed.
 *
 * <p>Pure and thread-safe; holds no state but the key.
 */
public final class SvixSignatureVerifier {
  /** How far the signed timestamp may be from the wall clock, in the past or the future. */
  public static final Duration TOLERANCE = Duration.ofMinutes(5);

  /** Real Svix ids are about 30 characters; the bound keeps the idempotency store small. */
  static final int MAX_ID_LENGTH = 256;

  private static final String SECRET_PREFIX = "whsec_";
  private static final String ALGORITHM = "HmacSHA256";
  // Up to 12 digits: any plausible epoch second, and no overflow when turned into millis.
  private static final Pattern SECONDS = Pattern.compile("[0-9]{1,12}");

  private final SecretKeySpec key;
  private final TimeSource time;

  /**
   * @param signingSecret {@code whsec_} followed by the base64 key, as Clerk's dashboard shows it
   * @throws IllegalArgumentException when the secret is not of that form (the message never
   *     contains the secret)
   */
  public SvixSignatureVerifier(String signingSecret, TimeSource time) {
    this.key = new SecretKeySpec(decodeSecret(signingSecret), ALGORITHM);
    this.time = Objects.requireNonNull(time, "time");
  }

  /** Whether {@code signingSecret} is a usable {@code whsec_<base64>} secret. */
  public static boolean isWellFormedSecret(String signingSecret) {
    try {
      decodeSecret(signingSecret);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Checks one delivery. Header values may be null (absent).
   *
   * @param rawBody the body exactly as received, never re-encoded
   */
  public SignatureCheck verify(String svixId, String svixTimestamp, String svixSignature,
      byte[] rawBody) {
    if (isBlank(svixId)) {
      return SignatureCheck.MISSING_ID;
    }
    if (svixId.length() > MAX_ID_LENGTH) {
      return SignatureCheck.MALFORMED_ID;
    }
    if (isBlank(svixTimestamp)) {
      return SignatureCheck.MISSING_TIMESTAMP;
    }
    if (!SECONDS.matcher(svixTimestamp).matches()) {
      return SignatureCheck.MALFORMED_TIMESTAMP;
    }
    long signedMillis = Long.parseLong(svixTimestamp) * 1000;
    long now = time.epochMillis();
    if (signedMillis < now - TOLERANCE.toMillis()) {
      return SignatureCheck.TIMESTAMP_TOO_OLD;
    }
    if (signedMillis > now + TOLERANCE.toMillis()) {
      return SignatureCheck.TIMESTAMP_TOO_NEW;
    }
    if (isBlank(svixSignature)) {
      return SignatureCheck.MISSING_SIGNATURE;
    }
    return matchAny(svixSignature, sign(svixId, svixTimestamp, rawBody));
  }

  private static SignatureCheck matchAny(String header, byte[] expected) {
    boolean sawV1 = false;
    boolean matched = false;
    for (String entry : header.trim().split(" +")) {
      if (!entry.startsWith("v1,")) {
        continue;
      }
      sawV1 = true;
      byte[] given;
      try {
        given = Base64.getDecoder().decode(entry.substring(3));
      } catch (IllegalArgumentException notBase64) {
        continue;
      }
      // Constant time in the contents; every entry is compared so timing reveals no position.
      matched |= MessageDigest.isEqual(expected, given);
    }
    if (matched) {
      return SignatureCheck.VALID;
    }
    return sawV1 ? SignatureCheck.SIGNATURE_MISMATCH : SignatureCheck.NO_V1_SIGNATURE;
  }

  private byte[] sign(String id, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      mac.update(body);
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      // HmacSHA256 is mandatory in every JRE and the key was checked at construction.
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static byte[] decodeSecret(String signingSecret) {
    if (signingSecret == null || !signingSecret.startsWith(SECRET_PREFIX)) {
      throw new IllegalArgumentException("webhook signing secret must start with whsec_");
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(signingSecret.substring(SECRET_PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("webhook signing secret is not whsec_ + base64");
    }
    if (key.length == 0) {
      throw new IllegalArgumentException("webhook signing secret has an empty key");
    }
    return key;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
