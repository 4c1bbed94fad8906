package dev.roster.webhook;

import dev.roster.lookup.DirectoryChanges;
import dev.roster.model.User;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Turns one verified Clerk event envelope ({@code {data, object: "event", type, timestamp,
 * instance_id}}) into a change of the app's directory. Event types Roster does not cache
 * anything for (organisation renames, sessions, emails, billing) are acknowledged and ignored.
 */
final class ClerkEventDispatcher {
  private final DirectoryChanges changes;
  private final Function<JsonObject, User> userMapper;

  ClerkEventDispatcher(DirectoryChanges changes, Function<JsonObject, User> userMapper) {
    this.changes = changes;
    this.userMapper = userMapper;
  }

  /** Parses and applies the event; a 400 outcome means nothing was changed. */
  WebhookOutcome dispatch(Buffer rawBody) {
    JsonObject envelope = parse(rawBody);
    if (envelope == null) {
      return WebhookOutcome.invalid("malformed_json", "The webhook body is not a JSON object.");
    }
    if (!"event".equals(envelope.getValue("object"))
        || !(envelope.getValue("type") instanceof String type)) {
      return WebhookOutcome.invalid(
          "malformed_envelope", "The webhook body is not a Clerk event (object, type).");
    }
    return switch (type) {
      case "user.created", "user.updated" -> upsertUser(envelope);
      case "user.deleted" -> withId(envelope.getValue("data"), changes::userDeleted);
      case "organizationMembership.created",
          "organizationMembership.updated",
          "organizationMembership.deleted" ->
          withId(organizationOf(envelope.getValue("data")), changes::membersChanged);
      case "organization.deleted" -> withId(envelope.getValue("data"), changes::membersChanged);
      default -> WebhookOutcome.IGNORED;
    };
  }

  private WebhookOutcome upsertUser(JsonObject envelope) {
    if (!(envelope.getValue("data") instanceof JsonObject data)) {
      return missingData();
    }
    User user;
    try {
      user = userMapper.apply(data);
    } catch (RuntimeException unmappable) {
      // The mapper's failures are expected (a payload that is not a Clerk user): no stack.
      return WebhookOutcome.invalid(
          "unmappable_user", "The event's data is not a valid Clerk user.");
    }
    if (user == null) {
      return WebhookOutcome.invalid(
          "unmappable_user", "The event's data is not a valid Clerk user.");
    }
    changes.userUpserted(user);
    return WebhookOutcome.PROCESSED;
  }

  private static WebhookOutcome withId(Object object, Consumer<String> act) {
    if (!(object instanceof JsonObject data)
        || !(data.getValue("id") instanceof String id)
        || id.isBlank()) {
      return missingData();
    }
    act.accept(id);
    return WebhookOutcome.PROCESSED;
  }

  private static Object organizationOf(Object membership) {
    return membership instanceof JsonObject data ? data.getValue("organization") : null;
  }

  private static WebhookOutcome missingData() {
    return WebhookOutcome.invalid(
        "missing_data", "The event's data lacks the id Roster needs for this event type.");
  }

  private static JsonObject parse(Buffer rawBody) {
    if (rawBody == null || rawBody.length() == 0) {
      return null;
    }
    try {
      return Json.decodeValue(rawBody) instanceof JsonObject object ? object : null;
    } catch (DecodeException notJson) {
      return null;
    }
  }
}
