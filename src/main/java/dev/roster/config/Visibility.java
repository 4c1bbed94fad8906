package dev.roster.config;

/** Who may read a user by id (SPEC §3). */
public enum Visibility {
  /** A caller sees itself and the members of its current organisation. */
  ORG,
  /** Any authenticated caller of the app may read any of its users by id. */
  AUTHENTICATED
}
