package dev.roster.upstream.clerk;

import dev.roster.model.User;
import io.vertx.core.json.JsonObject;

/** Maps Clerk's snake_case User object (Backend API and webhook payloads) to {@link User}. */
public final class ClerkUserMapper {
  private ClerkUserMapper() {}

  /**
   * Maps one Clerk User object; throws {@link dev.roster.upstream.UpstreamFailure} of kind
   * MALFORMED when required fields are missing or of the wrong type.
   */
  public static User toUser(JsonObject clerkUser) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
