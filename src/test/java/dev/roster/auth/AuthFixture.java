package dev.roster.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.config.AuthOptions;
import dev.roster.sim.issuer.TokenIssuerSimulator;
import dev.roster.sim.issuer.TokenSpec;
import dev.roster.time.ManualTimeSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;

/**
 * A Vert.x instance, a hand-moved clock and a real token issuer on port 0, plus helpers to build
 * verifiers against them and to read their outcomes.
 */
final class AuthFixture implements AutoCloseable {
  static final String AZP = TokenSpec.DEFAULT_AUTHORIZED_PARTY;

  final Vertx vertx = Vertx.vertx();
  final ManualTimeSource time = new ManualTimeSource();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final TokenIssuerSimulator issuer;
  private final List<TokenVerifier> verifiers = new ArrayList<>();

  AuthFixture() {
    issuer = TokenIssuerSimulator.start(vertx, 0, time).await();
  }

  /** Options for the issuer's JWKS, its {@code iss} and the demo {@code azp}. */
  AuthOptions jwksOptions() {
    return options(issuer.jwksUrl(), null, null, issuer.issuer(), List.of(AZP), null, null);
  }

  static AuthOptions options(
      String jwksUrl,
      String pem,
      String hmacSecret,
      String issuer,
      List<String> authorizedParties,
      String audience,
      String orgClaim) {
    return new AuthOptions(
        jwksUrl,
        pem,
        hmacSecret,
        issuer,
        authorizedParties,
        audience,
        AuthOptions.DEFAULT_CLOCK_SKEW_SECONDS,
        AuthOptions.DEFAULT_ADMIN_ROLES,
        AuthOptions.DEFAULT_JWKS_REFRESH,
        AuthOptions.DEFAULT_JWKS_MIN_REFETCH_INTERVAL,
        orgClaim);
  }

  /** A verifier for app {@code app}, started (its first JWKS fetch done). */
  TokenVerifier started(AuthOptions options, String app) {
    TokenVerifier verifier = TokenVerifiers.create(vertx, options, time, registry, app);
    verifiers.add(verifier);
    verifier.start().await();
    return verifier;
  }

  /** The count of {@code meter} for {@code app} and {@code outcome} (0 when never counted). */
  double count(String app, String meter, String outcome) {
    Counter counter = registry.find(meter).tag("app", app).tag("outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }

  static String bearer(String token) {
    return "Bearer " + token;
  }

  /** The failure of {@code result}, which must be an {@link AuthFailure}. */
  static AuthFailure refusal(Future<Caller> result) {
    Throwable cause = result.transform(done -> Future.succeededFuture(done.cause())).await();
    assertThat(cause).isInstanceOf(AuthFailure.class);
    return (AuthFailure) cause;
  }

  /** Asserts {@code result} is refused as an invalid (present) token. */
  static void assertInvalid(Future<Caller> result) {
    assertThat(refusal(result).missingToken()).as("missingToken").isFalse();
  }

  @Override
  public void close() {
    verifiers.forEach(TokenVerifier::close);
    issuer.close().await();
    vertx.close().await();
  }
}
