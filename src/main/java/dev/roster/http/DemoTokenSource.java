package dev.roster.http;

import io.vertx.core.json.JsonObject;

/**
 * Demo mode's token issuer as the demo page needs it: a short-lived session token for the demo
 * member of one app, minted by that app's demo issuer. Present only in demo mode.
 */
@FunctionalInterface
public interface DemoTokenSource {
  /**
   * A token for {@code app}'s demo member, as {@code {"token", "expiresInSeconds", "subject",
   * "orgId"}}, or null when {@code app} is not a demo app.
   *
   * @param largeOrganisation the member of the 1,235-member organisation instead (Clerk apps)
   */
  JsonObject mint(String app, boolean largeOrganisation);
}
