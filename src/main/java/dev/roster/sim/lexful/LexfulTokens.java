package dev.roster.sim.lexful;

import dev.roster.time.TimeSource;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;

/** Access tokens the simulator issued, valid 60 minutes on its {@link TimeSource}. */
final class LexfulTokens {
  static final long LIFETIME_SECONDS = 3600;

  private final SecureRandom random = new SecureRandom();
  private final ConcurrentHashMap<String, Long> expiries = new ConcurrentHashMap<>();
  private final TimeSource time;

  LexfulTokens(TimeSource time) {
    this.time = time;
  }

  String issue() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = "lxf_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    expiries.put(token, time.epochMillis() + LIFETIME_SECONDS * 1000);
    return token;
  }

  /** Whether {@code token} is the static token or an issued one that has not expired. */
  boolean accepts(String token) {
    if (LexfulSeed.STATIC_TOKEN.equals(token)) {
      return true;
    }
    Long expiry = token == null ? null : expiries.get(token);
    return expiry != null && time.epochMillis() < expiry;
  }

  void revokeAll() {
    expiries.clear();
  }

  int issuedCount() {
    return expiries.size();
  }
}
