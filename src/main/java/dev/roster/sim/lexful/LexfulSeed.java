package dev.roster.sim.lexful;

/**
 * The ids and credentials of the Lexful simulator's seeded account, the same at every start.
 * The account has {@link #USER_COUNT} listable users (more than one page of 1,000), spread over
 * three organisations; {@link #DELETED_USER_ID} is soft-deleted but scoped to the demo org;
 * {@link #SYSTEM_USER_ID} is a system user (hidden unless {@code include_system=true}); {@link
 * #WILDCARD_STRING_USER_ID} has {@code organization_scopes: "*"} and {@link
 * #WILDCARD_LIST_USER_ID} has {@code ["*"]}; {@link #ORG_VIEWER_ID} has a null last name.
 */
public final class LexfulSeed {
  private LexfulSeed() {}

  public static final String ACCOUNT_ID = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
  public static final String API_KEY_ID = "lexful_demo_key";
  public static final String API_KEY_SECRET = "lexful_demo_secret";

  /** A token accepted without being issued (Roster's configured-token mode). */
  public static final String STATIC_TOKEN = "lexful_demo_static_token";

  /** 2024-01-01T00:00:00Z in epoch milliseconds. */
  public static final long BASE_CREATED_AT = 1_704_067_200_000L;

  public static final String DEMO_ORG_ID = "5b0c7e8a-2f4d-4c1e-9a3b-6d8e0f1a2b3c";
  public static final String SECOND_ORG_ID = "8f14e45f-ceea-467f-a0f4-5b6c7d8e9f01";
  public static final String THIRD_ORG_ID = "c9f0f895-fb98-4b91-9c2d-3e4f5a6b7c8d";

  public static final String ADMIN_ID = "0a1b2c3d-0001-4a00-8000-000000000001";
  public static final String VIEWER_ID = "0a1b2c3d-0002-4a00-8000-000000000002";
  public static final String ORG_VIEWER_ID = "0a1b2c3d-0003-4a00-8000-000000000003";
  public static final String WILDCARD_STRING_USER_ID = "0a1b2c3d-0004-4a00-8000-000000000004";
  public static final String WILDCARD_LIST_USER_ID = "0a1b2c3d-0005-4a00-8000-000000000005";
  public static final String DELETED_USER_ID = "0a1b2c3d-0006-4a00-8000-000000000006";
  public static final String SECOND_ORG_USER_ID = "0a1b2c3d-0007-4a00-8000-000000000007";
  public static final String SYSTEM_USER_ID = "0a1b2c3d-0008-4a00-8000-000000000008";

  /** A well-formed uuid that no seeded user has. */
  public static final String UNKNOWN_USER_ID = "0a1b2c3d-ffff-4a00-8000-00000000ffff";

  /** Generated users besides the named ones. */
  public static final int GENERATED = 1_100;

  /** Users listed by default (not deleted, not system). */
  public static final int USER_COUNT = GENERATED + 6;

  /**
   * Listable users whose organisation scopes contain {@link #DEMO_ORG_ID} or {@code "*"}: the
   * admin, viewer, org viewer, both wildcard users and half of the generated ones.
   */
  public static final int DEMO_ORG_MEMBER_COUNT = 5 + GENERATED / 2;
}
