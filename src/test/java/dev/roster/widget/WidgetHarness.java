package dev.roster.widget;

import dev.roster.Roster;
import dev.roster.config.ConfigLoader;
import dev.roster.config.RosterOptions;
import dev.roster.sim.clerk.ClerkSimulator;
import dev.roster.sim.issuer.TokenIssuerSimulator;
import dev.roster.sim.issuer.TokenSpec;
import dev.roster.time.TimeSource;
import dev.roster.webhook.SvixTestSigner;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Roster, the Clerk simulator and the token issuer on the real clock (a browser lives in real
 * time), plus a web page on another origin that embeds the widget as a customer's page would:
 * the script from Roster, list requests across origins, the page's origin in
 * {@code cors.allowedOrigins}. Everything on port 0.
 */
final class WidgetHarness implements AutoCloseable {
  static final String WEBHOOK_SECRET = SvixTestSigner.DEMO_SECRET;

  final Vertx vertx = Vertx.vertx();
  final ClerkSimulator clerk;
  final TokenIssuerSimulator issuer;
  final HttpServer page;
  final Roster roster;
  final WebClient client;
  private final String pageScript = resource("/widget/page.js");

  /** A 1x1 PNG: an avatar the widget may load (http on loopback, like the demo's). */
  private static final byte[] PIXEL =
      java.util.Base64.getDecoder()
          .decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6"
                  + "kgAAAABJRU5ErkJggg==");

  WidgetHarness() {
    clerk = ClerkSimulator.start(vertx, 0).await();
    issuer = TokenIssuerSimulator.start(vertx, 0).await();
    page = vertx.createHttpServer().requestHandler(this::servePage).listen(0, "127.0.0.1").await();
    RosterOptions options = ConfigLoader.parse(config(), Map.of());
    roster =
        Roster.start(vertx, options, TimeSource.system(), new ByteArrayOutputStream(), 1)
            .await();
    client = WebClient.create(vertx);
  }

  private String config() {
    return "server: { host: 127.0.0.1, port: 0, shutdownGrace: 1s }\n"
        + "admin: { host: 127.0.0.1, port: 0, token: widget-admin-token-0123456789 }\n"
        + "apps:\n"
        + "  acme:\n"
        + "    auth:\n"
        + "      jwksUrl: " + issuer.jwksUrl() + "\n"
        + "      issuer: " + issuer.issuer() + "\n"
        + "      authorizedParties: [" + TokenSpec.DEFAULT_AUTHORIZED_PARTY + "]\n"
        + "    upstreams:\n"
        + "      clerk:\n"
        + "        baseUrl: " + clerk.baseUrl() + "\n"
        + "        secretKey: sk_test_rosterdemo0000000000000000\n"
        + "        timeout: 2s\n"
        + "    cors: { allowedOrigins: [\"" + pageOrigin() + "\"] }\n"
        // Nothing goes stale while the class runs, however slowly: a refresh from the
        // simulator would undo the webhook test's change and turn a 304 into a 200.
        + "    cache: { ttl: 10m }\n"
        + "    webhooks: { clerkSigningSecret: " + WEBHOOK_SECRET + " }\n"
        // The same directory behind a per-caller rate limit, for the 429 state.
        + "  tight:\n"
        + "    auth:\n"
        + "      jwksUrl: " + issuer.jwksUrl() + "\n"
        + "      issuer: " + issuer.issuer() + "\n"
        + "    upstreams:\n"
        + "      clerk: { baseUrl: " + clerk.baseUrl()
        + ", secretKey: sk_test_rosterdemo0000000000000000 }\n"
        + "    rateLimit: { perCallerPerSecond: 1, burst: 1 }\n"
        + "    cors: { allowedOrigins: [\"" + pageOrigin() + "\"] }\n";
  }

  String pageOrigin() {
    return "http://127.0.0.1:" + page.actualPort();
  }

  String rosterOrigin() {
    return "http://127.0.0.1:" + roster.publicPort();
  }

  /** The customer's page: the element, Roster's script, then the test hooks. */
  private void servePage(HttpServerRequest request) {
    if (request.path().equals("/avatar.png")) {
      request.response().putHeader("Content-Type", "image/png").end(Buffer.buffer(PIXEL));
      return;
    }
    if (request.path().equals("/page.js")) {
      request.response().putHeader("Content-Type", "text/javascript").end(pageScript);
      return;
    }
    if (!request.path().equals("/")) {
      request.response().setStatusCode(404).end();
      return;
    }
    String html =
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>A customer page</title></head><body>"
            + "<roster-members id=\"widget\" label=\"Team\"></roster-members>"
            + "<script src=\"" + rosterOrigin() + "/acme/widget/roster-members.js\"></script>"
            + "<script src=\"/page.js\"></script></body></html>";
    request.response().putHeader("Content-Type", "text/html; charset=utf-8").end(html);
  }

  /** A long-lived token of {@code subject} in {@code orgId} with {@code role}. */
  String token(String subject, String orgId, String role) {
    return issuer.issue(
        TokenSpec.forSubject(subject).org(orgId, "slug", role).lifetime(Duration.ofHours(1)));
  }

  /** The member list as Roster answers it to this token. */
  HttpResponse<Buffer> members(String token) {
    return members(token, "acme");
  }

  /** The member list of {@code app} as Roster answers it to this token. */
  HttpResponse<Buffer> members(String token, String app) {
    return client
        .get(roster.publicPort(), "127.0.0.1", "/" + app + "/v1/users")
        .putHeader("Authorization", "Bearer " + token)
        .send()
        .await();
  }

  /** Posts a Svix-signed Clerk webhook, as Clerk would; returns the status. */
  int webhook(String id, Buffer body) {
    long now = System.currentTimeMillis() / 1000;
    return client
        .post(roster.publicPort(), "127.0.0.1", "/acme/webhooks/clerk")
        .putHeader("svix-id", id)
        .putHeader("svix-timestamp", Long.toString(now))
        .putHeader("svix-signature", SvixTestSigner.v1(WEBHOOK_SECRET, id, now, body.getBytes()))
        .sendBuffer(body)
        .await()
        .statusCode();
  }

  /** {@code roster_requests_total} of the list route for one status, from the admin port. */
  long listRequests(int status) {
    String metrics =
        client.get(roster.adminPort(), "127.0.0.1", "/metrics").send().await().bodyAsString();
    Matcher found =
        Pattern.compile(
                "roster_requests_total\\{app=\"acme\",route=\"users\",status=\"" + status
                    + "\"\\} ([0-9.E]+)")
            .matcher(metrics);
    return found.find() ? (long) Double.parseDouble(found.group(1)) : 0;
  }

  private static String resource(String name) {
    try (InputStream in = WidgetHarness.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    client.close();
    roster.shutdown().await();
    vertx.close().await();
  }
}
