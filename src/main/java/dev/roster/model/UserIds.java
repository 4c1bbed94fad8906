package dev.roster.model;

/** What a valid user id is (SPEC §2.3): a Clerk user id or a UUID. Checked without regex. */
public final class UserIds {
  private static final int UUID_LENGTH = 36;

  private UserIds() {}

  /** True for {@code user_} followed by 1-64 ASCII letters or digits. */
  public static boolean isClerkId(String id) {
    if (id == null || id.length() < 6 || id.length() > 69 || !id.startsWith("user_")) {
      return false;
    }
    for (int i = 5; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }

  /** True for a UUID in its canonical 8-4-4-4-12 hex form. */
  public static boolean isUuid(String id) {
    if (id == null || id.length() != UUID_LENGTH) {
      return false;
    }
    for (int i = 0; i < UUID_LENGTH; i++) {
      char c = id.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : !isHex(c)) {
        return false;
      }
    }
    return true;
  }

  /** True when the id may be looked up at all; anything else is a 400 and never forwarded. */
  public static boolean isValid(String id) {
    return isClerkId(id) || isUuid(id);
  }

  /** The provider an id belongs to when an app has both upstreams. */
  public static Provider providerOf(String id) {
    return isClerkId(id) ? Provider.CLERK : Provider.LEXFUL;
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
