package dev.roster.auth;

/**
 * Who is calling, from a verified token: {@code subject} is {@code sub}; {@code orgId} and
 * {@code orgRole} are null when the token names no organisation. {@code orgRole} is in Clerk's
 * {@code org:...} form for v1 and v2 tokens alike.
 */
public record Caller(String subject, String orgId, String orgRole, long expiresAtEpochSeconds) {
  public boolean hasOrg() {
    return orgId != null;
  }
}
