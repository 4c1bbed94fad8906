package dev.roster.upstream.clerk;

/**
 * The part of a Clerk OrganizationMembership that Roster uses: who, in which organisation,
 * with which role (as Clerk names it, e.g. {@code org:admin}).
 */
public record ClerkMembership(String userId, String orgId, String role) {}
