package dev.roster.upstream.clerk;

import static dev.roster.upstream.clerk.ClerkWire.object;

import io.vertx.core.json.JsonObject;

/**
 * Maps Clerk's OrganizationMembership object (the items of {@code GET
 * /v1/organizations/{id}/memberships} and {@code organizationMembership.*} webhook data).
 */
public final class ClerkMembershipMapper {
  private static final String MEMBERSHIP = "organization membership";

  private ClerkMembershipMapper() {}

  /**
   * Reads the role, {@code public_user_data.user_id} and {@code organization.id}; throws {@link
   * dev.roster.upstream.UpstreamFailure} of kind MALFORMED when one is missing or mistyped.
   */
  public static ClerkMembership toMembership(JsonObject membership) {
    if (membership == null) {
      throw ClerkWire.JSON.malformed(MEMBERSHIP + " (not an object)");
    }
    JsonObject userData = object(membership, "public_user_data", MEMBERSHIP);
    JsonObject organization = object(membership, "organization", MEMBERSHIP);
    if (userData == null) {
      throw ClerkWire.JSON.malformed(MEMBERSHIP + " without public_user_data");
    }
    if (organization == null) {
      throw ClerkWire.JSON.malformed(MEMBERSHIP + " without organization");
    }
    return new ClerkMembership(
        ClerkWire.JSON.requiredString(userData, "user_id", MEMBERSHIP),
        ClerkWire.JSON.requiredString(organization, "id", MEMBERSHIP),
        ClerkWire.JSON.requiredString(membership, "role", MEMBERSHIP));
  }
}
