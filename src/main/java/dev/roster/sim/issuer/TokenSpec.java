package dev.roster.sim.issuer;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the issuer simulator puts in one Clerk-like session token. Fluent and mutable; build one per
 * token. {@link #claim} and {@link #header} override anything (null removes it), for tests that
 * need broken or hostile tokens.
 */
public final class TokenSpec {
  /** Clerk's default {@code azp} in the demo: the local front end. */
  public static final String DEFAULT_AUTHORIZED_PARTY = "http://localhost:3000";

  private final String subject;
  private String sessionId = "sess_" + UUID.randomUUID().toString().replace("-", "");
  private String authorizedParty = DEFAULT_AUTHORIZED_PARTY;
  private Duration lifetime = Duration.ofSeconds(60);
  private int version = 1;
  private String orgId;
  private String orgSlug;
  private String orgRole;
  private List<String> permissions = List.of();
  private final Map<String, Object> claims = new LinkedHashMap<>();
  private final Map<String, Object> headers = new LinkedHashMap<>();

  private TokenSpec(String subject) {
    this.subject = subject;
  }

  /** A token for user {@code subject} ({@code sub}), v1, living 60 s, without organisation. */
  public static TokenSpec forSubject(String subject) {
    return new TokenSpec(subject);
  }

  public TokenSpec sessionId(String sessionId) {
    this.sessionId = sessionId;
    return this;
  }

  public TokenSpec authorizedParty(String azp) {
    this.authorizedParty = azp;
    return this;
  }

  /** How long from issue to {@code exp} (Clerk: 60 s; the demo uses hours). */
  public TokenSpec lifetime(Duration lifetime) {
    this.lifetime = lifetime;
    return this;
  }

  /** The active organisation; {@code role} in Clerk's {@code org:...} form. */
  public TokenSpec org(String id, String slug, String role) {
    this.orgId = id;
    this.orgSlug = slug;
    this.orgRole = role;
    return this;
  }

  /** The organisation permissions, e.g. {@code org:sys_memberships:read}. */
  public TokenSpec permissions(List<String> permissions) {
    this.permissions = List.copyOf(permissions);
    return this;
  }

  /** A v2 token ({@code "v": 2}, organisation under {@code o}). */
  public TokenSpec version2() {
    this.version = 2;
    return this;
  }

  /** Sets or (with null) removes a claim after the standard ones are built. */
  public TokenSpec claim(String name, Object value) {
    claims.put(name, value);
    return this;
  }

  /** Sets or (with null) removes a header parameter after {@code alg}, {@code kid}, {@code typ}. */
  public TokenSpec header(String name, Object value) {
    headers.put(name, value);
    return this;
  }

  String subject() {
    return subject;
  }

  String sessionId() {
    return sessionId;
  }

  String authorizedParty() {
    return authorizedParty;
  }

  Duration lifetime() {
    return lifetime;
  }

  int version() {
    return version;
  }

  String orgId() {
    return orgId;
  }

  String orgSlug() {
    return orgSlug;
  }

  String orgRole() {
    return orgRole;
  }

  List<String> permissions() {
    return permissions;
  }

  Map<String, Object> claimOverrides() {
    return Collections.unmodifiableMap(claims);
  }

  Map<String, Object> headerOverrides() {
    return Collections.unmodifiableMap(headers);
  }
}
