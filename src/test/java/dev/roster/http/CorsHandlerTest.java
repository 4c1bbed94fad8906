package dev.roster.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link CorsHandler} in front of a token-checking route, over real HTTP. */
class CorsHandlerTest {
  private static final String WIDGET = "https://app.lance.example";
  private static final String USER = "/lance/v1/users/user_1";

  private final AtomicInteger protectedCalls = new AtomicInteger();
  private final java.util.concurrent.atomic.AtomicReference<String> loggedApp =
      new java.util.concurrent.atomic.AtomicReference<>();
  private Vertx vertx;
  private HttpServer server;
  private WebClient client;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    router.route().handler(new AccessLogHandler(new AccessLog(
        new AccessLogWriter(java.io.OutputStream.nullOutputStream()), null,
        new ClientAddress(List.of()))));
    router.route().handler(ctx -> {
      // What the access log reads as the response head goes out.
      ctx.addHeadersEndHandler(v -> loggedApp.set(AccessLogHandler.record(ctx).app));
      ctx.next();
    });
    router
        .route("/:app/v1/*")
        .handler(
            new CorsHandler(
                Map.of(
                    "lance", new CorsPolicy(List.of(WIDGET)),
                    "open", new CorsPolicy(List.of("*")),
                    "closed", CorsPolicy.NONE)));
    router.get("/:app/v1/users/:id").handler(ctx -> {
      protectedCalls.incrementAndGet();
      if (ctx.request().getHeader("Authorization") == null) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer");
        ErrorWriter.write(ctx.response(), new ApiError(401, "UNAUTHORIZED", "Token required."));
        return;
      }
      ctx.response().putHeader("ETag", "\"v1\"").putHeader("Vary", "Authorization").end("{}");
    });
    router
        .get("/:app/v1/busy")
        .handler(ctx -> ctx.fail(new ApiError(429, "RATE_LIMITED", "Slow.", 2)));
    router.route().failureHandler(ctx -> ErrorWriter.write(ctx.response(), ctx.failure(), "r1"));
    server = vertx.createHttpServer().requestHandler(router).listen(0).await();
    client = WebClient.create(vertx);
  }

  @AfterEach
  void stop() {
    client.close();
    server.close().await();
    vertx.close().await();
  }

  private HttpRequest<Buffer> request(HttpMethod method, String uri) {
    return client.request(method, server.actualPort(), "127.0.0.1", uri);
  }

  private HttpResponse<Buffer> preflight(String uri, String origin, String method, String headers) {
    HttpRequest<Buffer> request =
        request(HttpMethod.OPTIONS, uri)
            .putHeader("Origin", origin)
            .putHeader("Access-Control-Request-Method", method);
    if (headers != null) {
      request.putHeader("Access-Control-Request-Headers", headers);
    }
    return request.send().await();
  }

  @Test
  void answersAPreflightFromAnAllowedOriginWithoutAuthentication() {
    HttpResponse<Buffer> response = preflight(USER, WIDGET, "GET", "authorization,if-none-match");

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.getHeader("Access-Control-Allow-Origin")).isEqualTo(WIDGET);
    assertThat(response.getHeader("Access-Control-Allow-Methods")).isEqualTo("GET, HEAD");
    assertThat(response.getHeader("Access-Control-Allow-Headers"))
        .isEqualTo("authorization, if-none-match");
    assertThat(response.getHeader("Access-Control-Max-Age")).isEqualTo("600");
    assertThat(response.getHeader("Vary"))
        .isEqualTo("Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
    assertThat(response.getHeader("Access-Control-Allow-Credentials")).isNull();
    assertThat(protectedCalls).hasValue(0);
  }

  @Test
  void namesThePreflightsAppForTheAccessLog() {
    preflight(USER, WIDGET, "GET", "authorization");
    assertThat(loggedApp).hasValue("lance");

    preflight("/nosuchapp/v1/users/user_1", WIDGET, "GET", "authorization");
    assertThat(loggedApp).hasValue("unknown");
  }

  @Test
  void allowsOnlyTheKnownHeadersInAPreflight() {
    HttpResponse<Buffer> response = preflight(USER, WIDGET, "HEAD", "authorization,x-secret-sauce");

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.getHeader("Access-Control-Allow-Headers")).isEqualTo("authorization");
  }

  @Test
  void answersAPreflightFromAnotherOriginWithoutAllowHeaders() {
    HttpResponse<Buffer> response = preflight(USER, "https://evil.example", "GET", "authorization");

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(accessControlAllowHeaders(response)).isEmpty();
    assertThat(protectedCalls).hasValue(0);
  }

  @Test
  void answersAPreflightForAWriteMethodWithoutAllowHeaders() {
    HttpResponse<Buffer> response = preflight(USER, WIDGET, "DELETE", null);

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(accessControlAllowHeaders(response)).isEmpty();
    assertThat(protectedCalls).hasValue(0);
  }

  @Test
  void leavesARequestWithoutOriginUntouched() {
    HttpResponse<Buffer> response =
        request(HttpMethod.GET, USER).putHeader("Authorization", "Bearer t").send().await();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Vary")).isEqualTo("Authorization");
    assertThat(accessControlAllowHeaders(response)).isEmpty();
    assertThat(response.getHeader("Access-Control-Expose-Headers")).isNull();
  }

  @Test
  void leavesAPreflightWithoutOriginToTheRouter() {
    HttpResponse<Buffer> response =
        request(HttpMethod.OPTIONS, USER)
            .putHeader("Access-Control-Request-Method", "GET")
            .send()
            .await();

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(accessControlAllowHeaders(response)).isEmpty();
  }

  @Test
  void leavesAnUnknownAppUntouched() {
    HttpResponse<Buffer> response = preflight("/other/v1/users/user_1", WIDGET, "GET", null);

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(accessControlAllowHeaders(response)).isEmpty();
    assertThat(response.getHeader("Vary")).isNull();
  }

  @Test
  void addsAllowAndExposeHeadersToAnAllowedRead() {
    HttpResponse<Buffer> response =
        request(HttpMethod.GET, USER)
            .putHeader("Origin", WIDGET)
            .putHeader("Authorization", "Bearer t")
            .send()
            .await();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Access-Control-Allow-Origin")).isEqualTo(WIDGET);
    assertThat(response.getHeader("Access-Control-Expose-Headers"))
        .isEqualTo("ETag, Cache-Status, X-Total-Count, X-Request-Id, Retry-After");
    assertThat(response.getHeader("Vary")).isEqualTo("Authorization, Origin");
    assertThat(response.getHeader("Access-Control-Allow-Credentials")).isNull();
  }

  @Test
  void addsAllowHeadersToARefusedRequestSoTheWidgetCanReadTheError() {
    HttpResponse<Buffer> response =
        request(HttpMethod.GET, USER).putHeader("Origin", WIDGET).send().await();

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.getHeader("Access-Control-Allow-Origin")).isEqualTo(WIDGET);
    assertThat(response.getHeader("Access-Control-Expose-Headers")).contains("Retry-After");
    assertThat(response.getHeader("Vary")).isEqualTo("Origin");
    assertThat(protectedCalls).hasValue(1);
  }

  @Test
  void addsAllowHeadersToAFailureAnsweredByTheRouter() {
    HttpResponse<Buffer> response =
        request(HttpMethod.GET, "/lance/v1/busy").putHeader("Origin", WIDGET).send().await();

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.getHeader("Retry-After")).isEqualTo("2");
    assertThat(response.getHeader("Access-Control-Allow-Origin")).isEqualTo(WIDGET);
    assertThat(response.getHeader("Access-Control-Expose-Headers")).contains("Retry-After");
  }

  @Test
  void addsOnlyVaryForAnotherOrigin() {
    HttpResponse<Buffer> response =
        request(HttpMethod.GET, USER)
            .putHeader("Origin", "https://evil.example")
            .putHeader("Authorization", "Bearer t")
            .send()
            .await();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Vary")).isEqualTo("Authorization, Origin");
    assertThat(accessControlAllowHeaders(response)).isEmpty();
    assertThat(response.getHeader("Access-Control-Expose-Headers")).isNull();
  }

  @Test
  void answersStarForAnyOriginWhenTheAppAllowsAny() {
    HttpResponse<Buffer> read =
        request(HttpMethod.GET, "/open/v1/users/user_1")
            .putHeader("Origin", "https://anyone.example")
            .putHeader("Authorization", "Bearer t")
            .send()
            .await();
    HttpResponse<Buffer> pre =
        preflight("/open/v1/users/user_1", "https://anyone.example", "GET", "authorization");

    assertThat(read.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(read.getHeader("Access-Control-Allow-Credentials")).isNull();
    assertThat(pre.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(pre.getHeader("Access-Control-Allow-Headers")).isEqualTo("authorization");
    assertThat(pre.getHeader("Access-Control-Allow-Credentials")).isNull();
  }

  @Test
  void allowsNothingForAnAppWithAnEmptyList() {
    HttpResponse<Buffer> pre = preflight("/closed/v1/users/user_1", WIDGET, "GET", null);
    HttpResponse<Buffer> read =
        request(HttpMethod.GET, "/closed/v1/users/user_1")
            .putHeader("Origin", WIDGET)
            .putHeader("Authorization", "Bearer t")
            .send()
            .await();

    assertThat(pre.statusCode()).isEqualTo(204);
    assertThat(accessControlAllowHeaders(pre)).isEmpty();
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(accessControlAllowHeaders(read)).isEmpty();
  }

  private static List<String> accessControlAllowHeaders(HttpResponse<Buffer> response) {
    return response.headers().names().stream()
        .filter(name -> name.toLowerCase().startsWith("access-control-allow-"))
        .toList();
  }
}
