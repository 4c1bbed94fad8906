package dev.roster.auth;

/**
 * One connection's last accepted token: a client that sends the same {@code Authorization} on
 * every request of a keep-alive connection (a widget polling) is recognised by comparing the
 * header with the one before, without a cache lookup. It holds only what the verifier's own cache
 * held (the caller, the token's {@code exp}) and is dropped with it when the verifier forgets
 * tokens (their key left the key set). Confined to the connection's event loop.
 */
public final class RecentToken {
  TokenVerifier verifier;
  String header;
  Caller caller;
  long expiresAtMillis;
  long generation;

  void remember(
      TokenVerifier verifier, String header, Caller caller, long expiresAtMillis, long generation) {
    this.verifier = verifier;
    this.header = header;
    this.caller = caller;
    this.expiresAtMillis = expiresAtMillis;
    this.generation = generation;
  }
}
