package dev.roster.webhook;

import dev.roster.lookup.DirectoryChanges;
import dev.roster.metrics.WebhookMetrics;
import dev.roster.model.User;
import dev.roster.time.TimeSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.function.Function;

/**
 * One app's receiver of Clerk webhooks (SPEC §5): verifies the Svix signature, acknowledges a
 * repeated {@code svix-id} without acting twice, and turns the event into a {@link
 * DirectoryChanges} call. The HTTP layer reads the raw body (and answers 413 itself), calls
 * {@link #process} and writes the returned outcome.
 *
 * <p>Synchronous and cheap (one HMAC over at most 1 MiB, in-memory cache changes), so it may run
 * on an event loop. Thread-safe.
 */
public final class ClerkWebhookProcessor {
  /** Svix retries a message for about a day; ids older than that need not be remembered. */
  public static final Duration ID_RETENTION = Duration.ofHours(24);

  /** The bound on remembered ids, so a flood of distinct ids cannot grow memory. */
  public static final long MAX_REMEMBERED_IDS = 100_000;

  private final SvixSignatureVerifier verifier;
  private final DeliveryLedger ledger;
  private final ClerkEventDispatcher dispatcher;
  private final WebhookMetrics metrics;

  /**
   * @param app the app's name, for the metric tag
   * @param signingSecret the app's {@code whsec_...} secret
   * @param changes the app's directory, told what changed
   * @param userMapper maps Clerk's User object ({@code ClerkUserMapper::toUser}); may throw on
   *     a payload that is not a user
   * @throws IllegalArgumentException when the secret is not {@code whsec_} + base64
   */
  public ClerkWebhookProcessor(String app, String signingSecret, DirectoryChanges changes,
      TimeSource time, Function<JsonObject, User> userMapper, MeterRegistry registry) {
    this(app, signingSecret, changes, time, userMapper, registry, MAX_REMEMBERED_IDS,
        ID_RETENTION);
  }

  ClerkWebhookProcessor(String app, String signingSecret, DirectoryChanges changes,
      TimeSource time, Function<JsonObject, User> userMapper, MeterRegistry registry,
      long maxRememberedIds, Duration idRetention) {
    this.verifier = new SvixSignatureVerifier(signingSecret, time);
    this.ledger = new DeliveryLedger(maxRememberedIds, idRetention, time);
    this.dispatcher = new ClerkEventDispatcher(changes, userMapper);
    this.metrics = new WebhookMetrics(registry, app);
  }

  /**
   * Handles one delivery. Header values are null when absent; {@code rawBody} is the body as
   * received. A 401 or 400 outcome means nothing changed and the id was not recorded, so a
   * correct redelivery is still processed. An unexpected failure of the directory propagates
   * (the HTTP layer answers 500) and likewise leaves the id unrecorded.
   */
  public WebhookOutcome process(String svixId, String svixTimestamp, String svixSignature,
      Buffer rawBody) {
    Buffer body = rawBody == null ? Buffer.buffer() : rawBody;
    SignatureCheck check = verifier.verify(svixId, svixTimestamp, svixSignature, body.getBytes());
    if (!check.valid()) {
      return counted(WebhookOutcome.unauthorized(check));
    }
    // Claimed only after the signature holds, so unsigned requests cannot burn ids.
    if (!ledger.claim(svixId)) {
      return counted(WebhookOutcome.DUPLICATE);
    }
    WebhookOutcome outcome;
    try {
      outcome = dispatcher.dispatch(body);
    } catch (RuntimeException unexpected) {
      ledger.release(svixId);
      metrics.delivered("error");
      throw unexpected;
    }
    if (outcome.acknowledged()) {
      ledger.complete(svixId);
    } else {
      ledger.release(svixId);
    }
    return counted(outcome);
  }

  /** How many svix-ids are remembered now (for tests and diagnostics). */
  long rememberedIds() {
    return ledger.size();
  }

  private WebhookOutcome counted(WebhookOutcome outcome) {
    metrics.delivered(outcome.reason());
    return outcome;
  }
}
