package dev.roster.sim.issuer;

import dev.roster.time.TimeSource;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for Clerk's Frontend API as a token issuer: it holds an RSA key (RS256, random
 * {@code kid}), serves {@code GET /.well-known/jwks.json} and signs Clerk-like session tokens. For
 * tests it can rotate its key, publish extra keys, sign with keys it does not publish, and serve a
 * failing or garbage JWKS. Besides its own issuer (the origin), it hosts one {@link IssuerTenant}
 * per name asked for ({@code /<name>} as issuer, with its own key), made on first use.
 */
public final class TokenIssuerSimulator {
  public static final String JWKS_PATH = "/.well-known/jwks.json";
  private static final Pattern TENANT_JWKS =
      Pattern.compile("/([a-z0-9][a-z0-9-]{0,62})" + Pattern.quote(JWKS_PATH));

  private final Map<String, IssuerTenant> tenants = new ConcurrentHashMap<>();
  private final Vertx vertx;
  private final HttpServer server;
  private final TimeSource time;
  private final AtomicInteger jwksRequests = new AtomicInteger();
  private volatile SigningKey primary;
  private volatile List<SigningKey> published;
  private volatile JwksMode mode = JwksMode.SERVE;

  private TokenIssuerSimulator(
      Vertx vertx, HttpServer server, TimeSource time, SigningKey primary) {
    this.vertx = vertx;
    this.server = server;
    this.time = time;
    this.primary = primary;
    this.published = List.of(primary);
  }

  /** Starts on {@code port} (0 picks a free one) with the real clock. */
  public static Future<TokenIssuerSimulator> start(Vertx vertx, int port) {
    return start(vertx, port, TimeSource.system());
  }

  /** Starts on {@code port} (0 picks a free one), stamping tokens with {@code time}. */
  public static Future<TokenIssuerSimulator> start(Vertx vertx, int port, TimeSource time) {
    // RSA key generation takes a moment: keep it off the event loop.
    return vertx
        .executeBlocking(() -> SigningKey.rsa("RS256"))
        .compose(key -> listen(vertx, port, time, key));
  }

  private static Future<TokenIssuerSimulator> listen(
      Vertx vertx, int port, TimeSource time, SigningKey key) {
    HttpServer server = vertx.createHttpServer();
    TokenIssuerSimulator simulator = new TokenIssuerSimulator(vertx, server, time, key);
    return server.requestHandler(simulator::handle).listen(port, "127.0.0.1").map(simulator);
  }

  private void handle(HttpServerRequest request) {
    Matcher tenant = TENANT_JWKS.matcher(request.path());
    if (tenant.matches() && request.method() == HttpMethod.GET) {
      String name = tenant.group(1);
      vertx.executeBlocking(() -> tenant(name)).onComplete((found, failure) -> request.response()
          .setStatusCode(found == null ? 500 : 200)
          .putHeader("Content-Type", "application/json")
          .putHeader("Cache-Control", "public, max-age=300")
          .end(found == null ? "{}" : found.jwks().encode()));
      return;
    }
    if (!JWKS_PATH.equals(request.path())) {
      request.response().setStatusCode(404).end();
      return;
    }
    if (request.method() != HttpMethod.GET) {
      request.response().setStatusCode(405).putHeader("Allow", "GET").end();
      return;
    }
    jwksRequests.incrementAndGet();
    switch (mode) {
      case FAIL ->
          request
              .response()
              .setStatusCode(503)
              .putHeader("Content-Type", "application/json")
              .end(new JsonObject().put("error", "unavailable").encode());
      case GARBAGE ->
          request
              .response()
              .putHeader("Content-Type", "application/json")
              .end("{\"keys\": \"not-a-list\"");
      default ->
          request
              .response()
              .putHeader("Content-Type", "application/json")
              .putHeader("Cache-Control", "public, max-age=300")
              .end(jwks().encode());
    }
  }

  /**
   * The tenant {@code name} (letters, digits and {@code -}), made with a new RSA key on first
   * use. Making one generates a key: the first call for a name belongs off the event loop (the
   * JWKS route makes it on a worker thread).
   */
  public IssuerTenant tenant(String name) {
    if (!name.matches("[a-z0-9][a-z0-9-]{0,62}")) {
      throw new IllegalArgumentException("not a tenant name");
    }
    return tenants.computeIfAbsent(
        name, n -> new IssuerTenant(n, issuer() + "/" + n, SigningKey.rsa("RS256"), time));
  }

  /** The public keys of this issuer and of every tenant made so far, as one JWKS. */
  public JsonObject allJwks() {
    JsonArray keys = jwks().getJsonArray("keys").copy();
    tenants.values().forEach(tenant -> keys.addAll(tenant.jwks().getJsonArray("keys")));
    return new JsonObject().put("keys", keys);
  }

  /** The JWKS document currently served. */
  public JsonObject jwks() {
    JsonArray keys = new JsonArray();
    published.forEach(key -> keys.add(key.publicJwk()));
    return new JsonObject().put("keys", keys);
  }

  public int port() {
    return server.actualPort();
  }

  /** The {@code iss} of every token: {@code http://127.0.0.1:<port>}. */
  public String issuer() {
    return "http://127.0.0.1:" + port();
  }

  public String jwksUrl() {
    return issuer() + JWKS_PATH;
  }

  /** The key tokens are signed with by default (published in the JWKS). */
  public SigningKey signingKey() {
    return primary;
  }

  /** A signed session token for {@code spec} with the primary key. */
  public String issue(TokenSpec spec) {
    return issue(spec, primary);
  }

  /** A signed session token for {@code spec} with any key, published or not. */
  public String issue(TokenSpec spec, SigningKey key) {
    return key.sign(ClerkClaimsMapper.header(spec, key), claims(spec));
  }

  /** The claims {@link #issue} would sign now, for tests that assemble tokens themselves. */
  public JsonObject claims(TokenSpec spec) {
    return ClerkClaimsMapper.claims(spec, issuer(), time.epochMillis() / 1000);
  }

  /**
   * Replaces the primary key with a new RSA key (new {@code kid}); the old key leaves the JWKS.
   * Generates a key, so call it off the event loop.
   */
  public synchronized SigningKey rotateKey() {
    SigningKey old = primary;
    SigningKey next = SigningKey.rsa("RS256");
    List<SigningKey> keys = new ArrayList<>(published);
    keys.remove(old);
    keys.add(0, next);
    published = List.copyOf(keys);
    primary = next;
    return next;
  }

  /** Adds {@code key} to the JWKS (e.g. an EC or Ed25519 key). */
  public synchronized void publish(SigningKey key) {
    List<SigningKey> keys = new ArrayList<>(published);
    keys.add(key);
    published = List.copyOf(keys);
  }

  /** Removes the key with {@code kid} from the JWKS. */
  public synchronized void unpublish(String kid) {
    published = published.stream().filter(key -> !key.kid().equals(kid)).toList();
  }

  /** How the next JWKS requests are answered. */
  public void jwksMode(JwksMode mode) {
    this.mode = mode;
  }

  /** How many JWKS requests were received. */
  public int jwksRequests() {
    return jwksRequests.get();
  }

  public Future<Void> close() {
    return server.close();
  }
}
