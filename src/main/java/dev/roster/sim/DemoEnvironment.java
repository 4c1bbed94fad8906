package dev.roster.sim;

import dev.roster.config.AppOptions;
import dev.roster.config.DemoOptions;
import dev.roster.config.RosterOptions;
import dev.roster.sim.clerk.ClerkSeed;
import dev.roster.sim.clerk.ClerkSimulator;
import dev.roster.sim.issuer.TokenIssuerSimulator;
import dev.roster.sim.issuer.TokenSpec;
import dev.roster.sim.lexful.LexfulSeed;
import dev.roster.sim.lexful.LexfulSimulator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Demo mode (SPEC §8): the Clerk and Lexful simulators and a local token issuer on loopback, and
 * the ready-to-run {@code curl} commands, with valid tokens, printed at start.
 */
public final class DemoEnvironment {
  private static final Duration TOKEN_LIFETIME = Duration.ofHours(12);
  private static final Duration PAGE_TOKEN_LIFETIME = Duration.ofSeconds(60);

  private final ClerkSimulator clerk;
  private final LexfulSimulator lexful;
  private final TokenIssuerSimulator issuer;

  private DemoEnvironment(
      ClerkSimulator clerk, LexfulSimulator lexful, TokenIssuerSimulator issuer) {
    this.clerk = clerk;
    this.lexful = lexful;
    this.issuer = issuer;
  }

  /** Starts the three simulators on the configured ports. */
  public static Future<DemoEnvironment> start(Vertx vertx, DemoOptions demo) {
    Future<ClerkSimulator> clerk = ClerkSimulator.start(vertx, demo.clerkPort());
    Future<LexfulSimulator> lexful = LexfulSimulator.start(vertx, demo.lexfulPort());
    Future<TokenIssuerSimulator> issuer = TokenIssuerSimulator.start(vertx, demo.issuerPort());
    return Future.all(clerk, lexful, issuer)
        .map(all -> new DemoEnvironment(clerk.result(), lexful.result(), issuer.result()))
        .onSuccess(started -> started.clerk.serveJwks(started.issuer::allJwks));
  }

  public ClerkSimulator clerk() {
    return clerk;
  }

  public LexfulSimulator lexful() {
    return lexful;
  }

  public TokenIssuerSimulator issuer() {
    return issuer;
  }

  /** The welcome text: one block of curl commands per demo app. */
  public String welcome(RosterOptions options, int publicPort) {
    StringBuilder text = new StringBuilder();
    text.append("\nRoster demo mode is up. Simulators: Clerk ")
        .append(clerk.baseUrl())
        .append(", Lexful ")
        .append(lexful.baseUrl())
        .append(", token issuer ")
        .append(issuer.issuer())
        .append("\nAdmin port ")
        .append(options.admin().port())
        .append(" (metrics, health, cache purges).\n");
    String base = "http://127.0.0.1:" + publicPort;
    text.append("\n# the member-list widget in a browser (docs/widget.md): ")
        .append(base)
        .append("/demo/\n");
    for (AppOptions app : options.apps().values()) {
      boolean clerkApp = app.clerk() != null;
      String org = clerkApp ? ClerkSeed.ACME_ORG_ID : LexfulSeed.DEMO_ORG_ID;
      String admin = clerkApp ? ClerkSeed.ACME_ADMIN_ID : LexfulSeed.ADMIN_ID;
      String member = clerkApp ? ClerkSeed.ACME_MEMBER_ID : LexfulSeed.VIEWER_ID;
      String withSecrets = clerkApp ? ClerkSeed.LOCKED_USER_ID : LexfulSeed.VIEWER_ID;
      String loner = clerkApp ? ClerkSeed.NO_ORG_USER_ID : LexfulSeed.SECOND_ORG_USER_ID;
      String memberToken = token(app, member, org, "org:member");
      String adminToken = token(app, admin, org, "org:admin");
      String lonerToken = token(app, loner, null, null);
      String users = base + "/" + app.name() + "/v1/users";
      text.append("\n# app '")
          .append(app.name())
          .append("' (")
          .append(clerkApp ? (app.lexful() != null ? "Clerk + Lexful" : "Clerk") : "Lexful")
          .append(", visibility ")
          .append(app.visibility().name().toLowerCase())
          .append(")\n");
      text.append("# a member lists their organisation:\n")
          .append(curl(memberToken, users));
      text.append("# a member reads a colleague (privateMetadata hidden):\n")
          .append(curl(memberToken, users + "/" + admin));
      text.append("# an org admin reads a member (privateMetadata shown):\n")
          .append(curl(adminToken, users + "/" + withSecrets));
      text.append("# a page of the list, and a lookup by ids:\n")
          .append(curl(adminToken, users + "?limit=2&offset=1"))
          .append(curl(adminToken, users + "?ids=" + member + "," + admin));
      text.append("# a caller with no organisation reads itself, then lists (400):\n")
          .append(curl(lonerToken, users + "/" + loner))
          .append(curl(lonerToken, users));
    }
    return text.toString();
  }

  /**
   * A 60-second token for the demo page, as Clerk's {@code session.getToken()} gives one: the
   * app's demo member of the printed curls or, with {@code large}, the admin of the
   * 1,235-member organisation (apps with Clerk). Null when {@code app} is null.
   */
  public JsonObject pageToken(AppOptions app, boolean large) {
    if (app == null) {
      return null;
    }
    boolean clerkApp = app.clerk() != null;
    String subject = clerkApp ? ClerkSeed.ACME_MEMBER_ID : LexfulSeed.VIEWER_ID;
    String org = clerkApp ? ClerkSeed.ACME_ORG_ID : LexfulSeed.DEMO_ORG_ID;
    String role = "org:member";
    if (clerkApp && large) {
      subject = ClerkSeed.ACME_ADMIN_ID;
      org = ClerkSeed.BIG_ORG_ID;
      role = "org:admin";
    }
    // Signed by the app's own demo issuer, with its azp: each demo app is its own instance.
    String token =
        token(app, TokenSpec.forSubject(subject).org(org, slug(org), role), PAGE_TOKEN_LIFETIME);
    return new JsonObject()
        .put("token", token)
        .put("expiresInSeconds", PAGE_TOKEN_LIFETIME.toSeconds())
        .put("subject", subject)
        .put("orgId", org);
  }

  /** Stops the simulators. */
  public Future<Void> close() {
    return Future.join(clerk.close(), lexful.close(), issuer.close()).mapEmpty();
  }

  /**
   * A token of {@code app} for {@code subject}, in organisation {@code orgId} (null: none) with
   * its real slug and {@code role}: from the issuer tenant the app's {@code jwksUrl} names (each
   * demo app is its own Clerk instance, so another app refuses it), with the app's first
   * authorised party as {@code azp}.
   */
  public String token(AppOptions app, String subject, String orgId, String role) {
    TokenSpec spec = TokenSpec.forSubject(subject);
    if (orgId != null) {
      spec.org(orgId, slug(orgId), role);
    }
    return token(app, spec, TOKEN_LIFETIME);
  }

  private String token(AppOptions app, TokenSpec spec, Duration lifetime) {
    List<String> parties = app.auth().authorizedParties();
    spec.lifetime(lifetime)
        .authorizedParty(parties.isEmpty() ? TokenSpec.DEFAULT_AUTHORIZED_PARTY : parties.get(0));
    String jwksUrl = app.auth().jwksUrl();
    String prefix = issuer.issuer() + "/";
    if (jwksUrl != null && jwksUrl.startsWith(prefix)
        && jwksUrl.endsWith(TokenIssuerSimulator.JWKS_PATH)) {
      String tenant = jwksUrl.substring(
          prefix.length(), jwksUrl.length() - TokenIssuerSimulator.JWKS_PATH.length());
      // Made when Roster fetched the app's JWKS at start (else made here, once).
      return issuer.tenant(tenant).issue(spec);
    }
    return issuer.issue(spec);
  }

  /** The organisation's own slug: Clerk's from the simulator, a fixed one for Lexful's. */
  private String slug(String orgId) {
    String clerkSlug = clerk.organizationSlug(orgId);
    return clerkSlug != null ? clerkSlug : LEXFUL_SLUGS.getOrDefault(orgId, "lexful-org");
  }

  private static final Map<String, String> LEXFUL_SLUGS = Map.of(
      LexfulSeed.DEMO_ORG_ID, "lexful-demo",
      LexfulSeed.SECOND_ORG_ID, "lexful-second",
      LexfulSeed.THIRD_ORG_ID, "lexful-third");

  private static String curl(String token, String url) {
    return "curl -i -H 'Authorization: Bearer " + token + "' '" + url + "'\n";
  }
}
