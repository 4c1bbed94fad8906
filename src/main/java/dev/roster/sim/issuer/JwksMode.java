package dev.roster.sim.issuer;

/** How the issuer simulator answers {@code GET /.well-known/jwks.json}, for failure tests. */
public enum JwksMode {
  /** 200 with the current keys. */
  SERVE,
  /** 503 with an error body. */
  FAIL,
  /** 200 with a body that is not a JWKS. */
  GARBAGE
}
