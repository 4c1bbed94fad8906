package dev.roster.auth;

import com.nimbusds.jose.JWSAlgorithm;
import io.vertx.core.Future;
import java.util.Set;
import java.util.function.Consumer;

/** Where one app's verification keys come from: a JWKS URL, a PEM key or an HMAC secret. */
interface KeySource {
  /** The algorithms this kind of source may ever accept; anything else is refused up front. */
  Set<JWSAlgorithm> algorithms();

  /** The keys held now (never null; may be empty). */
  KeySet keys();

  /**
   * Asks for fresh keys because a token named an unknown {@code kid}. Completes with true once a
   * fetch (new or already running) has finished, or at once with false when none is allowed.
   */
  Future<Boolean> refetchForUnknownKid();

  /** Tells {@code listener} about keys a refresh dropped or replaced. */
  void onKeysDropped(Consumer<Set<VerificationKey>> listener);

  Future<Void> start();

  /** Why the last fetch failed, or null (always null for a static key). */
  default String lastFailure() {
    return null;
  }

  void close();
}
