package dev.roster.auth;

/**
 * A refused token, stack-less. {@link #missingToken()} tells a missing or empty token (answered
 * with {@code WWW-Authenticate: Bearer}) from any other refusal ({@code Bearer
 * error="invalid_token"}). The message is safe to log and never contains the token.
 */
public final class AuthFailure extends RuntimeException {
  private final boolean missingToken;

  public AuthFailure(boolean missingToken, String message) {
    super(message, null, false, false);
    this.missingToken = missingToken;
  }

  public boolean missingToken() {
    return missingToken;
  }
}
