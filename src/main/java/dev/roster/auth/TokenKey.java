package dev.roster.auth;

/**
 * The verified-token cache's key: the whole {@code Authorization} value, compared in full, but
 * hashed over its length and last 32 characters only. Those fall in the signature, which is
 * random, so the hash spreads as well as a full one, while a hit no longer hashes ~850
 * characters of a header string that is new on every request.
 */
final class TokenKey {
  private static final int HASHED_TAIL = 32;

  private final String header;
  private final int hash;

  TokenKey(String header) {
    this.header = header;
    int h = header.length();
    for (int i = Math.max(0, header.length() - HASHED_TAIL); i < header.length(); i++) {
      h = 31 * h + header.charAt(i);
    }
    this.hash = h;
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TokenKey key && key.hash == hash && key.header.equals(header);
  }
}
