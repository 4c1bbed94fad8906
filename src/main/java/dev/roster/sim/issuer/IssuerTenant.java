package dev.roster.sim.issuer;

import dev.roster.time.TimeSource;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * One Clerk instance's issuer on the shared issuer simulator: its own {@code iss}
 * ({@code http://127.0.0.1:<port>/<name>}), its own RSA key and JWKS at {@code
 * <iss>/.well-known/jwks.json}. Demo apps each get one, so a token of one app is refused by
 * another (another issuer, another key), as with two real Clerk instances.
 */
public final class IssuerTenant {
  private final String name;
  private final String issuer;
  private final SigningKey key;
  private final TimeSource time;

  IssuerTenant(String name, String issuer, SigningKey key, TimeSource time) {
    this.name = name;
    this.issuer = issuer;
    this.key = key;
    this.time = time;
  }

  public String name() {
    return name;
  }

  /** This tenant's {@code iss}. */
  public String issuer() {
    return issuer;
  }

  public String jwksUrl() {
    return issuer + TokenIssuerSimulator.JWKS_PATH;
  }

  /** The JWKS this tenant publishes. */
  public JsonObject jwks() {
    return new JsonObject().put("keys", new JsonArray().add(key.publicJwk()));
  }

  /** A session token for {@code spec}, signed with this tenant's key and naming its issuer. */
  public String issue(TokenSpec spec) {
    JsonObject claims = ClerkClaimsMapper.claims(spec, issuer, time.epochMillis() / 1000);
    return key.sign(ClerkClaimsMapper.header(spec, key), claims);
  }
}
