package dev.roster.widget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.e2e.RosterHarness;
import dev.roster.encoding.Decoding;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /{app}/widget/roster-members.js} over real HTTP: caching, compression, errors. */
class WidgetRouteTest {
  private static final String SCRIPT = "/acme/widget/roster-members.js";

  private final RosterHarness harness = new RosterHarness();

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void servesTheBundledScriptWithAStrongEtagAndADayOfPublicCaching() throws IOException {
    HttpResponse<Buffer> answer = harness.get(SCRIPT, null);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.getHeader("Content-Type")).isEqualTo("text/javascript; charset=utf-8");
    assertThat(answer.getHeader("Cache-Control")).isEqualTo("public, max-age=86400");
    assertThat(answer.getHeader("ETag")).matches("\"[A-Za-z0-9_-]{22}\"");
    assertThat(answer.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(answer.getHeader("Vary")).isEqualTo("Accept-Encoding");
    assertThat(answer.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(answer.getHeader("Content-Encoding")).isNull();
    assertThat(answer.body().getBytes()).isEqualTo(bundled());
  }

  @Test
  void everyAppServesTheSameScriptAndAnUnknownAppIs404() {
    HttpResponse<Buffer> acme = harness.get(SCRIPT, null);
    HttpResponse<Buffer> globex = harness.get("/globex/widget/roster-members.js", null);
    HttpResponse<Buffer> unknown = harness.get("/nope/widget/roster-members.js", null);

    assertThat(globex.getHeader("ETag")).isEqualTo(acme.getHeader("ETag"));
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.bodyAsJsonObject().getJsonObject("error").getString("code"))
        .isEqualTo("NOT_FOUND");
  }

  @Test
  void eachCodingDecodesToTheSameBytesUnderItsOwnEtag() throws IOException {
    Set<String> etags = new HashSet<>();
    etags.add(harness.get(SCRIPT, null).getHeader("ETag"));
    for (String coding : new String[] {"br", "zstd", "gzip"}) {
      HttpResponse<Buffer> answer = harness.get(SCRIPT, null, "Accept-Encoding", coding);

      assertThat(answer.getHeader("Content-Encoding")).isEqualTo(coding);
      assertThat(answer.getHeader("Vary")).isEqualTo("Accept-Encoding");
      assertThat(answer.body().length()).isLessThan(bundled().length / 2);
      assertThat(Decoding.decode(coding, answer.body().getBytes())).isEqualTo(bundled());
      etags.add(answer.getHeader("ETag"));
    }
    assertThat(etags).hasSize(4);
    assertThat(harness.get(SCRIPT, null, "Accept-Encoding", "gzip;q=0.5, br;q=0.1")
            .getHeader("Content-Encoding"))
        .isEqualTo("gzip");
  }

  @Test
  void ifNoneMatchWithTheTagOfTheRepresentationToBeSentIs304() {
    String brTag = harness.get(SCRIPT, null, "Accept-Encoding", "br").getHeader("ETag");

    HttpResponse<Buffer> same =
        harness.get(SCRIPT, null, "Accept-Encoding", "br", "If-None-Match", brTag);
    HttpResponse<Buffer> other =
        harness.get(SCRIPT, null, "Accept-Encoding", "gzip", "If-None-Match", brTag);

    assertThat(same.statusCode()).isEqualTo(304);
    assertThat(same.body()).isNull();
    assertThat(same.getHeader("ETag")).isEqualTo(brTag);
    assertThat(same.getHeader("Content-Encoding")).isNull();
    assertThat(other.statusCode()).isEqualTo(200);
    assertThat(other.getHeader("Content-Encoding")).isEqualTo("gzip");
  }

  @Test
  void headCarriesTheHeadersOfTheGetWithoutTheBody() {
    HttpResponse<Buffer> get = harness.get(SCRIPT, null, "Accept-Encoding", "br");
    HttpResponse<Buffer> head =
        harness.send(
            HttpMethod.HEAD, harness.roster.publicPort(), SCRIPT, null, null,
            "Accept-Encoding", "br");

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isNull();
    for (String name : new String[] {"ETag", "Content-Encoding", "Cache-Control", "Vary"}) {
      assertThat(head.getHeader(name)).as(name).isEqualTo(get.getHeader(name));
    }
    assertThat(head.getHeader("Content-Length"))
        .isEqualTo(Integer.toString(get.body().length()));
  }

  @Test
  void otherMethodsAre405WithAllow() {
    HttpResponse<Buffer> post =
        harness.send(
            HttpMethod.POST, harness.roster.publicPort(), SCRIPT, null, Buffer.buffer("x"));

    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.getHeader("Allow")).isEqualTo("GET, HEAD");
    assertThat(post.bodyAsJsonObject().getJsonObject("error").getString("code"))
        .isEqualTo("METHOD_NOT_ALLOWED");
  }

  @Test
  void theDemoPageIsNotServedOutsideDemoMode() {
    assertThat(harness.get("/demo/", null).statusCode()).isEqualTo(404);
    assertThat(
            harness.send(HttpMethod.POST, harness.roster.publicPort(), "/demo/token?app=acme",
                    null, null)
                .statusCode())
        .isEqualTo(404);
  }

  private static byte[] bundled() {
    try (InputStream in =
        WidgetRouteTest.class.getResourceAsStream("/dev/roster/widget/roster-members.js")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
