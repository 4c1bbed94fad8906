package dev.roster.model;

import java.util.regex.Pattern;

/** What a valid user id is (SPEC §2.3): a Clerk user id or a UUID. */
public final class UserIds {
  private static final Pattern CLERK = Pattern.compile("user_[A-Za-z0-9]{1,64}");
  private static final Pattern UUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private UserIds() {}

  /** True for {@code user_} followed by 1-64 ASCII letters or digits. */
  public static boolean isClerkId(String id) {
    return id != null && CLERK.matcher(id).matches();
  }

  /** True for a UUID in its canonical 8-4-4-4-12 hex form. */
  public static boolean isUuid(String id) {
    return id != null && UUID.matcher(id).matches();
  }

  /** True when the id may be looked up at all; anything else is a 400 and never forwarded. */
  public static boolean isValid(String id) {
    return isClerkId(id) || isUuid(id);
  }

  /** The provider an id belongs to when an app has both upstreams. */
  public static Provider providerOf(String id) {
    return isClerkId(id) ? Provider.CLERK : Provider.LEXFUL;
  }
}
