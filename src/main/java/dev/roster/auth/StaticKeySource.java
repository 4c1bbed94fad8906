package dev.roster.auth;

import com.nimbusds.jose.JWSAlgorithm;
import io.vertx.core.Future;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** One fixed key (a PEM public key or an HMAC secret); it never changes, so never refetches. */
final class StaticKeySource implements KeySource {
  private static final Future<Boolean> NO_REFETCH = Future.succeededFuture(false);

  private final KeySet keys;
  private final Set<JWSAlgorithm> algorithms;

  StaticKeySource(VerificationKey key) {
    this.keys = new KeySet(List.of(key), true);
    this.algorithms = key.algorithms();
  }

  @Override
  public Set<JWSAlgorithm> algorithms() {
    return algorithms;
  }

  @Override
  public KeySet keys() {
    return keys;
  }

  @Override
  public Future<Boolean> refetchForUnknownKid() {
    return NO_REFETCH;
  }

  @Override
  public void onKeysDropped(Consumer<Set<VerificationKey>> listener) {}

  @Override
  public Future<Void> start() {
    return Future.succeededFuture();
  }

  @Override
  public void close() {}
}
