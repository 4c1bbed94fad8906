package dev.roster.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.encoding.Decoding;
import dev.roster.sim.clerk.ClerkSeed;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC §10 over real HTTP: every coding decoded by its reference decoder and compared byte for
 * byte with the identity answer, an ETag per representation, 304 per representation, HEAD, small
 * answers and errors left alone, q-values. The client asks for no compression itself (the raw
 * bytes are checked).
 */
class CompressionTest {
  private static final List<String> CODINGS = List.of("br", "zstd", "gzip");
  private static final String BIG_LIST = "/acme/v1/users";
  private static RosterHarness harness;

  @BeforeAll
  static void start() {
    harness = new RosterHarness();
    // The big list takes a dozen upstream pages: on a loaded machine the first fill may outlast
    // the harness's 1 s upstream deadline. Fill it once (the clock never moves, so it stays).
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (get(BIG_LIST, bigOrgAdmin(), null).statusCode() != 200) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the big member list never filled");
      }
    }
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  /** A caller in the 1,235-member organisation (a list of about 500 KB). */
  private static String bigOrgAdmin() {
    return harness.token(ClerkSeed.ACME_ADMIN_ID, ClerkSeed.BIG_ORG_ID, "org:admin");
  }

  private static String acmeMember() {
    return harness.token(ClerkSeed.ACME_MEMBER_ID, ClerkSeed.ACME_ORG_ID, "org:member");
  }

  private static HttpResponse<Buffer> get(String path, String token, String acceptEncoding) {
    return acceptEncoding == null
        ? harness.get(path, token)
        : harness.get(path, token, "Accept-Encoding", acceptEncoding);
  }

  @ParameterizedTest
  @ValueSource(strings = {BIG_LIST, "/acme/v1/users?limit=100", "/acme/v1/users/" + ClerkSeed.ACME_ADMIN_ID})
  void everyCodingDecodesToTheIdentityBytesUnderItsOwnStrongEtag(String path) throws Exception {
    String token = path.equals("/acme/v1/users/" + ClerkSeed.ACME_ADMIN_ID) ? acmeMember() : bigOrgAdmin();
    HttpResponse<Buffer> identity = get(path, token, null);
    assertThat(identity.statusCode()).isEqualTo(200);
    byte[] plain = identity.body().getBytes();
    assertThat(plain.length).isGreaterThanOrEqualTo(1024);
    assertThat(identity.getHeader("Content-Encoding")).isNull();
    assertThat(identity.getHeader("Vary")).containsIgnoringCase("Accept-Encoding");
    Set<String> etags = new HashSet<>(List.of(identity.getHeader("ETag")));
    for (String coding : CODINGS) {
      HttpResponse<Buffer> compressed = get(path, token, coding);
      assertThat(compressed.statusCode()).isEqualTo(200);
      assertThat(compressed.getHeader("Content-Encoding")).isEqualTo(coding);
      assertThat(compressed.getHeader("Vary")).containsIgnoringCase("Accept-Encoding");
      byte[] body = compressed.body().getBytes();
      assertThat(body.length).isLessThan(plain.length);
      assertThat(compressed.getHeader("Content-Length")).isEqualTo(Integer.toString(body.length));
      assertThat(Decoding.decode(coding, body)).isEqualTo(plain);
      String etag = compressed.getHeader("ETag");
      assertThat(etag).startsWith("\"").endsWith("\"");
      etags.add(etag);
      // Made once: the next answer is the very same bytes under the same tag.
      HttpResponse<Buffer> again = get(path, token, coding);
      assertThat(again.body().getBytes()).isEqualTo(body);
      assertThat(again.getHeader("ETag")).isEqualTo(etag);
      assertThat(again.getHeader("Cache-Status")).startsWith("roster; hit");
    }
    assertThat(etags).hasSize(4);
  }

  @Test
  void ifNoneMatchGives304OnlyForTheRepresentationThatWouldBeSent() {
    String token = bigOrgAdmin();
    String identityTag = get(BIG_LIST, token, null).getHeader("ETag");
    String brTag = get(BIG_LIST, token, "br").getHeader("ETag");

    HttpResponse<Buffer> brMatch =
        harness.get(BIG_LIST, token, "Accept-Encoding", "br", "If-None-Match", brTag);
    assertThat(brMatch.statusCode()).isEqualTo(304);
    assertThat(brMatch.getHeader("ETag")).isEqualTo(brTag);
    assertThat(brMatch.getHeader("Content-Encoding")).isNull();
    assertThat(brMatch.getHeader("Vary")).containsIgnoringCase("Accept-Encoding");
    assertThat(brMatch.body()).isNull();

    HttpResponse<Buffer> identityTagButBr =
        harness.get(BIG_LIST, token, "Accept-Encoding", "br", "If-None-Match", identityTag);
    assertThat(identityTagButBr.statusCode()).isEqualTo(200);
    assertThat(identityTagButBr.getHeader("Content-Encoding")).isEqualTo("br");

    HttpResponse<Buffer> brTagButIdentity =
        harness.get(BIG_LIST, token, "If-None-Match", brTag);
    assertThat(brTagButIdentity.statusCode()).isEqualTo(200);
    assertThat(brTagButIdentity.getHeader("Content-Encoding")).isNull();

    HttpResponse<Buffer> identityMatch = harness.get(BIG_LIST, token, "If-None-Match", identityTag);
    assertThat(identityMatch.statusCode()).isEqualTo(304);
  }

  @Test
  void headCarriesTheHeadersOfTheGet() {
    String token = bigOrgAdmin();
    for (String coding : List.of("br", "gzip", "identity")) {
      HttpResponse<Buffer> get = get(BIG_LIST, token, coding);
      HttpResponse<Buffer> head =
          harness.send(
              HttpMethod.HEAD, harness.roster.publicPort(), BIG_LIST, token, null,
              "Accept-Encoding", coding);
      assertThat(head.statusCode()).isEqualTo(200);
      assertThat(head.body()).isNull();
      for (String name :
          List.of("Content-Type", "Content-Encoding", "Content-Length", "ETag", "Vary",
              "X-Total-Count")) {
        assertThat(head.getHeader(name)).as(coding + " " + name).isEqualTo(get.getHeader(name));
      }
      assertThat(head.getHeader("Content-Length")).isNotNull();
    }
  }

  @Test
  void qValuesChooseTheCoding() {
    String token = bigOrgAdmin();
    HttpResponse<Buffer> browser = get(BIG_LIST, token, "gzip, deflate, br, zstd");
    assertThat(browser.statusCode()).isEqualTo(200);
    assertThat(browser.getHeader("Content-Encoding")).isEqualTo("br");
    assertThat(get(BIG_LIST, token, "br;q=0, gzip").getHeader("Content-Encoding"))
        .isEqualTo("gzip");
    assertThat(get(BIG_LIST, token, "br;q=0.5, zstd;q=0.9").getHeader("Content-Encoding"))
        .isEqualTo("zstd");
    assertThat(get(BIG_LIST, token, "br;q=0, zstd;q=0, gzip;q=0").getHeader("Content-Encoding"))
        .isNull();
    assertThat(get(BIG_LIST, token, "*").getHeader("Content-Encoding")).isEqualTo("br");
    assertThat(get(BIG_LIST, token, "deflate").getHeader("Content-Encoding")).isNull();
    assertThat(get(BIG_LIST, token, "gzip;q=0.2, identity").getHeader("Content-Encoding"))
        .isNull();
  }

  @Test
  void answersUnderOneKilobyteAreSentUncompressedWithVary() {
    HttpResponse<Buffer> small =
        get("/acme/v1/users/" + ClerkSeed.ACME_MEMBER_ID + "", acmeMember(), "br, gzip");
    assertThat(small.statusCode()).isEqualTo(200);
    assertThat(small.body().length()).isLessThan(1024);
    assertThat(small.getHeader("Content-Encoding")).isNull();
    assertThat(small.getHeader("Vary")).containsIgnoringCase("Accept-Encoding");
  }

  @Test
  void errorsAreNeverCompressed() {
    HttpResponse<Buffer> notFound =
        get("/acme/v1/users/" + ClerkSeed.UNKNOWN_USER_ID, acmeMember(), "br, gzip");
    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(notFound.getHeader("Content-Encoding")).isNull();
    assertThat(notFound.getHeader("Vary")).containsIgnoringCase("Accept-Encoding");
    assertThat(notFound.bodyAsJsonObject().getJsonObject("error").getString("code"))
        .isEqualTo("NOT_FOUND");

    HttpResponse<Buffer> refused = get(BIG_LIST, null, "br, gzip");
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.getHeader("Content-Encoding")).isNull();
  }

  @Test
  void headOfAnErrorCarriesTheLengthOfItsGet() {
    String path = "/acme/v1/users/" + ClerkSeed.UNKNOWN_USER_ID;
    HttpResponse<Buffer> get = get(path, acmeMember(), null);
    HttpResponse<Buffer> head =
        harness.send(HttpMethod.HEAD, harness.roster.publicPort(), path, acmeMember(), null);
    assertThat(head.statusCode()).isEqualTo(404);
    assertThat(head.body()).isNull();
    assertThat(head.getHeader("Content-Length"))
        .isEqualTo(Integer.toString(get.body().length()));
  }

  @Test
  void methodNotAllowedNamesTheAllowedMethods() {
    int publicPort = harness.roster.publicPort();
    HttpResponse<Buffer> onUsers =
        harness.send(HttpMethod.POST, publicPort, BIG_LIST, acmeMember(), Buffer.buffer("{}"));
    assertThat(onUsers.statusCode()).isEqualTo(405);
    assertThat(onUsers.getHeader("Allow")).isEqualTo("GET, HEAD");
    assertThat(onUsers.bodyAsJsonObject().getJsonObject("error").getString("code"))
        .isEqualTo("METHOD_NOT_ALLOWED");

    HttpResponse<Buffer> onUser =
        harness.send(
            HttpMethod.DELETE, publicPort, "/acme/v1/users/" + ClerkSeed.ACME_ADMIN_ID,
            acmeMember(), null);
    assertThat(onUser.statusCode()).isEqualTo(405);
    assertThat(onUser.getHeader("Allow")).isEqualTo("GET, HEAD");

    HttpResponse<Buffer> onWebhook =
        harness.send(HttpMethod.GET, publicPort, "/acme/webhooks/clerk", null, null);
    assertThat(onWebhook.statusCode()).isEqualTo(405);
    assertThat(onWebhook.getHeader("Allow")).isEqualTo("POST");

    int adminPort = harness.roster.adminPort();
    HttpResponse<Buffer> onHealth =
        harness.send(HttpMethod.POST, adminPort, "/health/live", null, Buffer.buffer("x"));
    assertThat(onHealth.statusCode()).isEqualTo(405);
    assertThat(onHealth.getHeader("Allow")).isEqualTo("GET");
    HttpResponse<Buffer> onPurge =
        harness.send(HttpMethod.GET, adminPort, "/cache/acme", null, null);
    assertThat(onPurge.statusCode()).isEqualTo(405);
    assertThat(onPurge.getHeader("Allow")).isEqualTo("DELETE");
  }
}
