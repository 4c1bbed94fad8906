package dev.roster.sim.clerk;

/**
 * The ids of the Clerk simulator's seeded data, the same at every start, for demo mode and
 * tests. Creation times start at {@link #BASE_CREATED_AT} (2024-01-01T00:00:00Z).
 *
 * <ul>
 *   <li>{@link #ACME_ORG_ID}: six members; {@link #ACME_ADMIN_ID} is {@code org:admin} (image,
 *       every kind of metadata, two emails, two-factor), {@link #ACME_MEMBER_ID} is {@code
 *       org:member} (no image, no metadata, never signed in), {@link #BANNED_USER_ID} is banned,
 *       {@link #LOCKED_USER_ID} is locked, {@link #PHONE_ONLY_USER_ID} has no email; the last two
 *       share a {@code created_at}.
 *   <li>{@link #BIG_ORG_ID}: {@link #BIG_ORG_MEMBER_COUNT} members (the Acme admin is its admin).
 *   <li>{@link #GLOBEX_ORG_ID}: five members; the Acme member is its {@code org:admin}.
 *   <li>{@link #EMPTY_ORG_ID}: only its admin {@link #EMPTY_ORG_ADMIN_ID}.
 *   <li>{@link #NO_ORG_USER_ID}: a user in no organisation.
 * </ul>
 */
public final class ClerkSeed {
  private ClerkSeed() {}

  /** The secret key the simulator accepts by default. */
  public static final String SECRET_KEY = "sk_test_rosterdemo0000000000000000";

  /** The {@code Clerk-API-Version} Roster sends. */
  public static final String API_VERSION = "2026-05-12";

  /** 2024-01-01T00:00:00Z in epoch milliseconds. */
  public static final long BASE_CREATED_AT = 1_704_067_200_000L;

  public static final String ACME_ORG_ID = "org_2demoAcmeCorp000000000001";
  public static final String BIG_ORG_ID = "org_2demoBigCo00000000000001";
  public static final String GLOBEX_ORG_ID = "org_2demoGlobex0000000000001";
  public static final String EMPTY_ORG_ID = "org_2demoEmptyCo000000000001";

  public static final String ACME_ADMIN_ID = "user_2demoAlice0000000000001";
  public static final String ACME_MEMBER_ID = "user_2demoBob000000000000002";
  public static final String BANNED_USER_ID = "user_2demoCarol0000000000003";
  public static final String LOCKED_USER_ID = "user_2demoDave00000000000004";
  public static final String NO_LAST_NAME_USER_ID = "user_2demoErin00000000000005";
  public static final String PHONE_ONLY_USER_ID = "user_2demoFrank0000000000006";
  public static final String NO_ORG_USER_ID = "user_2demoOlive0000000000007";
  public static final String EMPTY_ORG_ADMIN_ID = "user_2demoGrace0000000000008";

  /** A well-formed id that no seeded user has. */
  public static final String UNKNOWN_USER_ID = "user_2demoNobody000000000000";

  /** Members of {@link #ACME_ORG_ID}. */
  public static final int ACME_MEMBER_COUNT = 6;

  /** Generated members of {@link #BIG_ORG_ID}, besides its admin. */
  public static final int BIG_ORG_GENERATED = 1_234;

  /** Members of {@link #BIG_ORG_ID}: the generated ones and {@link #ACME_ADMIN_ID}. */
  public static final int BIG_ORG_MEMBER_COUNT = BIG_ORG_GENERATED + 1;

  /** Members of {@link #GLOBEX_ORG_ID}. */
  public static final int GLOBEX_MEMBER_COUNT = 5;

  /** Every seeded user. */
  public static final int USER_COUNT = 8 + BIG_ORG_GENERATED;

  /** The id of the {@code n}th generated member of the big organisation (0-based). */
  public static String bigOrgUserId(int n) {
    return String.format("user_2bigco%017d", n);
  }
}
