package dev.roster.auth;

import io.vertx.core.Future;

/**
 * Every reason a token is refused, each with a safe human sentence and a fixed metric tag. The
 * failed futures are built once: a refusal allocates nothing and never carries the token.
 */
enum Refusal {
  MISSING(true, "missing", "The request carries no bearer token."),
  NOT_BEARER(true, "missing", "The Authorization header does not use the Bearer scheme."),
  TOO_LARGE(false, "malformed", "The bearer token is too large."),
  MALFORMED(false, "malformed", "The bearer token is not a well-formed signed JWT."),
  UNSUPPORTED_HEADER(false, "malformed", "The token header asks for an unsupported feature."),
  ALGORITHM(false, "bad_algorithm", "The token's signing algorithm is not accepted."),
  NO_KEYS(false, "no_keys", "No verification key is available for this app."),
  UNKNOWN_KEY(false, "unknown_key", "The token is signed by an unknown key."),
  SIGNATURE(false, "bad_signature", "The token signature is invalid."),
  NO_EXPIRY(false, "bad_claims", "The token has no expiry (exp)."),
  EXPIRED(false, "expired", "The token has expired."),
  NOT_YET_VALID(false, "not_yet_valid", "The token is not valid yet (nbf)."),
  ISSUED_IN_FUTURE(false, "not_yet_valid", "The token was issued in the future (iat)."),
  NO_SUBJECT(false, "bad_claims", "The token has no subject (sub)."),
  SUBJECT_NOT_STRING(false, "bad_claims", "The token's subject (sub) is not a string."),
  ISSUER(false, "bad_claims", "The token's issuer (iss) is not accepted."),
  AUTHORIZED_PARTY(false, "bad_claims", "The token's authorized party (azp) is not accepted."),
  AUDIENCE(false, "bad_claims", "The token's audience (aud) is not accepted.");

  final String outcome;
  final AuthFailure failure;
  final Future<Caller> future;

  Refusal(boolean missingToken, String outcome, String message) {
    this.outcome = outcome;
    this.failure = new AuthFailure(missingToken, message);
    this.future = Future.failedFuture(failure);
  }
}
