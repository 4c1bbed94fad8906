package dev.roster.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses a JWKS document into its usable keys. One malformed or unsupported entry is skipped, not
 * fatal; a document that is not a JWKS at all yields null.
 */
final class JwksMapper {
  // A real JWKS holds a few keys; a cap bounds the work a hostile document can cause.
  static final int MAX_KEYS = 50;

  private JwksMapper() {}

  /** The usable keys of {@code json}, or null when it is not a JWKS document. */
  @SuppressWarnings("unchecked")
  static List<VerificationKey> parse(String json) {
    Object entries;
    try {
      entries = JSONObjectUtils.parse(json).get("keys");
    } catch (ParseException | RuntimeException e) {
      return null;
    }
    if (!(entries instanceof List<?> list)) {
      return null;
    }
    List<VerificationKey> keys = new ArrayList<>();
    for (Object entry : list) {
      if (keys.size() == MAX_KEYS) {
        break;
      }
      if (!(entry instanceof Map<?, ?> object)) {
        continue;
      }
      try {
        VerificationKey key =
            VerificationKeyMapper.fromJwk(JWK.parse((Map<String, Object>) object));
        if (key != null) {
          keys.add(key);
        }
      } catch (ParseException | RuntimeException e) {
        // an entry nimbus cannot read: skip it, keep the others
      }
    }
    return keys;
  }
}
