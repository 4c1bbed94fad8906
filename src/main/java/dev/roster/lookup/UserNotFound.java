package dev.roster.lookup;

/**
 * No such user, or one the caller may not see: deliberately one failure for both, so the two
 * cases are answered with byte-identical 404s.
 */
public final class UserNotFound extends RuntimeException {
  public static final UserNotFound INSTANCE = new UserNotFound();

  private UserNotFound() {
    super("user not found", null, false, false);
  }
}
