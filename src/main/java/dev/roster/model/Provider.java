package dev.roster.model;

/** The identity provider a user comes from; its {@link #wireName()} is the {@code provider} field. */
public enum Provider {
  CLERK("clerk"),
  LEXFUL("lexful");

  private final String wireName;

  Provider(String wireName) {
    this.wireName = wireName;
  }

  /** The lower-case name used in responses and configuration. */
  public String wireName() {
    return wireName;
  }
}
