package dev.roster.auth;

import static dev.roster.auth.AuthFixture.AZP;
import static dev.roster.auth.AuthFixture.assertInvalid;
import static dev.roster.auth.AuthFixture.bearer;
import static dev.roster.auth.AuthFixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.sim.issuer.TokenSpec;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The claim checks of SPEC §3 and how the caller is read from Clerk v1 and v2 tokens. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClaimChecksTest {
  private AuthFixture fixture;
  private TokenVerifier verifier;

  @BeforeAll
  void start() {
    fixture = new AuthFixture();
    verifier = fixture.started(fixture.jwksOptions(), "claims");
  }

  @AfterAll
  void stop() {
    fixture.close();
  }

  private long now() {
    return fixture.time.epochMillis() / 1000;
  }

  private String issue(TokenSpec spec) {
    return bearer(fixture.issuer.issue(spec));
  }

  @Test
  void refusesAnExpiredTokenButToleratesTheClockSkew() {
    String within = issue(TokenSpec.forSubject("u").lifetime(Duration.ofSeconds(60)));
    String past = issue(TokenSpec.forSubject("u").lifetime(Duration.ofSeconds(60)).sessionId("s2"));

    fixture.time.advance(Duration.ofSeconds(63));
    assertThat(verifier.verify(within).await().subject()).isEqualTo("u");
    fixture.time.advance(Duration.ofSeconds(3));
    AuthFailure failure = refusal(verifier.verify(past));

    assertThat(failure.missingToken()).isFalse();
    assertThat(failure.getMessage()).contains("expired");
  }

  @Test
  void refusesANotBeforeInTheFutureBeyondTheSkew() {
    assertInvalid(verifier.verify(issue(TokenSpec.forSubject("u").claim("nbf", now() + 60))));
    assertThat(verifier.verify(issue(TokenSpec.forSubject("u").claim("nbf", now() + 4))).await())
        .isNotNull();
  }

  @Test
  void refusesAnIssuedAtInTheFutureBeyondTheSkew() {
    assertInvalid(verifier.verify(issue(TokenSpec.forSubject("u").claim("iat", now() + 60))));
    assertThat(verifier.verify(issue(TokenSpec.forSubject("u").claim("iat", now() + 4))).await())
        .isNotNull();
  }

  @Test
  void refusesATokenWithoutExpiry() {
    assertInvalid(verifier.verify(issue(TokenSpec.forSubject("u").claim("exp", null))));
    assertInvalid(verifier.verify(issue(TokenSpec.forSubject("u").claim("exp", "tomorrow"))));
  }

  @Test
  void refusesATokenWithoutSubject() {
    assertInvalid(verifier.verify(issue(TokenSpec.forSubject("u").claim("sub", null))));
    assertInvalid(verifier.verify(issue(TokenSpec.forSubject(""))));
  }

  @Test
  void refusesANumericSubject() {
    // RFC 7519 §4.1.2: sub is a string; Nimbus alone would accept 42 as "42".
    assertInvalid(verifier.verify(issue(TokenSpec.forSubject("u").claim("sub", 42))));
    assertInvalid(verifier.verify(issue(TokenSpec.forSubject("u").claim("sub", 4.2))));
    assertInvalid(verifier.verify(issue(TokenSpec.forSubject("u").claim("sub", true))));
  }

  @Test
  void refusesAWrongOrMissingIssuer() {
    String wrong = issue(TokenSpec.forSubject("u").claim("iss", "https://evil.example"));
    String missing = issue(TokenSpec.forSubject("u").claim("iss", null));

    assertInvalid(verifier.verify(wrong));
    assertInvalid(verifier.verify(missing));
  }

  @Test
  void refusesAWrongOrMissingAuthorizedParty() {
    assertInvalid(
        verifier.verify(issue(TokenSpec.forSubject("u").authorizedParty("https://evil.example"))));
    assertInvalid(verifier.verify(issue(TokenSpec.forSubject("u").claim("azp", null))));
    assertInvalid(verifier.verify(issue(TokenSpec.forSubject("u").claim("azp", List.of(AZP)))));
  }

  @Test
  void skipsIssuerAndAuthorizedPartyChecksWhenNotConfigured() {
    TokenVerifier lenient =
        fixture.started(
            AuthFixture.options(fixture.issuer.jwksUrl(), null, null, null, List.of(), null, null),
            "lenient");
    String bare = issue(TokenSpec.forSubject("u").claim("iss", null).claim("azp", null));

    assertThat(lenient.verify(bare).await().subject()).isEqualTo("u");
  }

  @Test
  void checksTheAudienceAsStringOrArrayWhenConfigured() {
    TokenVerifier withAudience =
        fixture.started(
            AuthFixture.options(
                fixture.issuer.jwksUrl(),
                null,
                null,
                fixture.issuer.issuer(),
                List.of(AZP),
                "roster",
                null),
            "audience");

    assertThat(withAudience.verify(issue(TokenSpec.forSubject("u").claim("aud", "roster"))).await())
        .isNotNull();
    assertThat(
            withAudience
                .verify(issue(TokenSpec.forSubject("u").claim("aud", List.of("x", "roster"))))
                .await())
        .isNotNull();
    assertInvalid(withAudience.verify(issue(TokenSpec.forSubject("u").claim("aud", "other"))));
    assertInvalid(withAudience.verify(issue(TokenSpec.forSubject("u"))));
  }

  @Test
  void readsTheCallerFromAV1Token() {
    TokenSpec spec = TokenSpec.forSubject("user_1").org("org_1", "acme", "org:admin");

    Caller caller = verifier.verify(issue(spec)).await();

    assertThat(caller).isEqualTo(new Caller("user_1", "org_1", "org:admin", now() + 60));
    assertThat(caller.hasOrg()).isTrue();
  }

  @Test
  void readsTheCallerFromAV2TokenAddingTheOrgPrefixToTheRole() {
    TokenSpec spec = TokenSpec.forSubject("user_2").org("org_2", "beta", "org:member").version2();

    Caller caller = verifier.verify(issue(spec)).await();

    assertThat(caller.orgId()).isEqualTo("org_2");
    assertThat(caller.orgRole()).isEqualTo("org:member");
  }

  @Test
  void readsACallerWithoutOrganisation() {
    Caller caller = verifier.verify(issue(TokenSpec.forSubject("user_3"))).await();

    assertThat(caller.hasOrg()).isFalse();
    assertThat(caller.orgRole()).isNull();
  }

  @Test
  void readsTheOrganisationFromTheConfiguredClaimPath() {
    TokenVerifier custom =
        fixture.started(
            AuthFixture.options(
                fixture.issuer.jwksUrl(),
                null,
                null,
                fixture.issuer.issuer(),
                List.of(AZP),
                null,
                "org.id"),
            "custom-org");
    TokenSpec spec =
        TokenSpec.forSubject("user_4")
            .org("org_clerk", "acme", "org:admin")
            .claim("org", new JsonObject().put("id", "org_custom"));

    Caller caller = custom.verify(issue(spec)).await();

    assertThat(caller.orgId()).isEqualTo("org_custom");
    assertThat(caller.orgRole()).isEqualTo("org:admin");
  }
}
