package dev.roster.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.roster.http.RawHttpClient;
import dev.roster.sim.clerk.ClerkSeed;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fast lane for fresh cache hits ({@code FreshHits}): a request it answers gets, byte for
 * byte, the status, headers (names, values, order; the request id aside) and body the regular
 * path sends for the same request, which is reached here by percent-encoding one character of the
 * path (the router decodes it back to the same route). Whether the lane answered is read from
 * {@code roster_fresh_hits_fast_total}. What it must leave to the regular path (a miss, a bad
 * token, {@code Connection: close}, HTTP/1.0, a rate-limited app, a pipelined request behind a
 * slow one) is answered as before.
 */
class FreshHitLaneTest {
  private static final String HMAC_SECRET = "fresh-hit-lane-test-secret-0123456789abcdef";
  private static final String ORIGIN = "http://localhost:3000";
  private static final Pattern LENGTH =
      Pattern.compile("(?im)^content-length: (\\d+)\\r$");
  private static RosterHarness harness;
  private static String memberToken;
  private static String widgetToken;

  @BeforeAll
  static void start() throws Exception {
    harness =
        new RosterHarness(
            "",
            "  widgets:\n"
                + "    auth: { hmacSecret: " + HMAC_SECRET + ", issuer: lane-test }\n"
                + "    upstreams:\n"
                + "      clerk:\n"
                + "        baseUrl: " + RosterHarness.CLERK_URL + "\n"
                + "        secretKey: sk_test_rosterdemo0000000000000000\n"
                + "        timeout: 2s\n"
                + "    cors: { allowedOrigins: [\"" + ORIGIN + "\"] }\n");
    memberToken = harness.token(ClerkSeed.ACME_MEMBER_ID, ClerkSeed.ACME_ORG_ID, "org:member");
    widgetToken = hmacToken(ClerkSeed.ACME_MEMBER_ID, ClerkSeed.ACME_ORG_ID);
    for (String path : List.of(
        "/acme/v1/users/" + ClerkSeed.ACME_ADMIN_ID,
        "/acme/v1/users",
        "/acme/v1/users?limit=2&offset=1")) {
      fill(path, memberToken);
    }
    fill("/widgets/v1/users", widgetToken);
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "GET|/acme/v1/users/" + ClerkSeed.ACME_ADMIN_ID + "|/acme/v1/users/user%5F2demoAlice0000000000001|",
        "GET|/acme/v1/users|/%61cme/v1/users|",
        "GET|/acme/v1/users?limit=2&offset=1|/%61cme/v1/users?limit=2&offset=1|",
        "GET|/acme/v1/users|/%61cme/v1/users|Accept-Encoding: br",
        "GET|/acme/v1/users|/%61cme/v1/users|Accept-Encoding: gzip;q=0.5, zstd",
        "HEAD|/acme/v1/users|/%61cme/v1/users|",
        "GET|/acme/v1/users/" + ClerkSeed.ACME_ADMIN_ID + "|/acme/v1/users/user%5F2demoAlice0000000000001|Connection: keep-alive",
      })
  void answersExactlyWhatTheRegularPathAnswers(
      String method, String path, String regularPath, String extra) throws Exception {
    String headers = extra == null ? "" : extra + "\r\n";
    // Made once by the regular path first: a large compressed form is not the lane's to make.
    Response regular = exchange(method, regularPath, memberToken, headers);
    double before = fastHits();
    Response fast = exchange(method, path, memberToken, headers);
    assertThat(fastHits()).isEqualTo(before + 1);
    assertThat(regular.statusLine).isEqualTo("HTTP/1.1 200 OK");
    assertSame(fast, regular);
  }

  @Test
  void answers304WithTheHeadersOfTheRegularPath() throws Exception {
    String etag = header(exchange("GET", "/acme/v1/users", memberToken, ""), "etag");
    String headers = "If-None-Match: " + etag + "\r\n";
    Response regular = exchange("GET", "/%61cme/v1/users", memberToken, headers);
    double before = fastHits();
    Response fast = exchange("GET", "/acme/v1/users", memberToken, headers);
    assertThat(fastHits()).isEqualTo(before + 1);
    assertThat(regular.statusLine).isEqualTo("HTTP/1.1 304 Not Modified");
    assertSame(fast, regular);
  }

  @Test
  void addsTheCorsHeadersOfTheRegularPathForAnAllowedAndAnotherOrigin() throws Exception {
    for (String origin : List.of(ORIGIN, "https://elsewhere.example")) {
      String headers = "Origin: " + origin + "\r\n";
      Response regular = exchange("GET", "/widget%73/v1/users", widgetToken, headers);
      double before = fastHits();
      Response fast = exchange("GET", "/widgets/v1/users", widgetToken, headers);
      assertThat(fastHits()).isEqualTo(before + 1);
      assertSame(fast, regular);
      assertThat(header(fast, "vary")).isEqualTo("Accept-Encoding, Origin");
      assertThat(header(fast, "access-control-allow-origin"))
          .isEqualTo(origin.equals(ORIGIN) ? ORIGIN : null);
    }
  }

  @Test
  void logsAndCountsWhatItAnswers() throws Exception {
    double requestsBefore = requestsCounted("acme", "user", "200");
    try (RawHttpClient client = new RawHttpClient(harness.roster.publicPort())) {
      client.send(request("GET", "/acme/v1/users/" + ClerkSeed.ACME_ADMIN_ID, memberToken,
          "X-Request-Id: lane-log-check-1\r\n"));
      assertThat(client.readResponses(1)).startsWith("HTTP/1.1 200 OK\r\nX-Request-Id: lane-log-check-1\r\n");
    }
    harness.roster.flushAccessLog();
    String line =
        harness.accessLog.toString(StandardCharsets.UTF_8).lines()
            .filter(l -> l.contains("\"requestId\":\"lane-log-check-1\""))
            .findFirst()
            .orElseThrow();
    assertThat(line)
        .contains("\"app\":\"acme\"", "\"route\":\"user\"", "\"method\":\"GET\"",
            "\"status\":200", "\"cache\":\"hit\"", "\"upstreamCalls\":0",
            "\"client\":\"127.0.0.1\"");
    assertThat(requestsCounted("acme", "user", "200")).isEqualTo(requestsBefore + 1);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "GET /acme/v1/users HTTP/1.1|Connection: close",
        "GET /acme/v1/users HTTP/1.0|",
        "GET /acme/v1/users HTTP/1.1|Expect: 100-continue",
        "GET /tight/v1/users HTTP/1.1|",
        "GET /acme/v1/users?ids=" + ClerkSeed.ACME_ADMIN_ID + " HTTP/1.1|",
        "GET /acme/v1/users/" + ClerkSeed.UNKNOWN_USER_ID + " HTTP/1.1|",
      })
  void leavesToTheRegularPathWhatItDoesNotDecide(String requestLine, String extra)
      throws Exception {
    String token = requestLine.contains("/tight/")
        ? harness.token(ClerkSeed.ACME_MEMBER_ID, ClerkSeed.ACME_ORG_ID, "org:member")
        : memberToken;
    double before = fastHits();
    try (RawHttpClient client = new RawHttpClient(harness.roster.publicPort())) {
      client.send(requestLine + "\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n"
          + (extra == null ? "" : extra + "\r\n") + "\r\n");
      String answer = client.readResponses(1);
      assertThat(answer).matches("(?s)HTTP/1\\.[01] (200|404) .*");
      if (extra != null && extra.startsWith("Connection: close")) {
        assertThat(answer).containsIgnoringCase("connection: close");
      }
    }
    assertThat(fastHits()).isEqualTo(before);
  }

  @Test
  void refusesABadTokenOnTheRegularPath() throws Exception {
    double before = fastHits();
    Response refused = exchange("GET", "/acme/v1/users", memberToken + "x", "");
    assertThat(refused.statusLine).isEqualTo("HTTP/1.1 401 Unauthorized");
    assertThat(fastHits()).isEqualTo(before);
  }

  @Test
  void aHitPipelinedBehindAMissIsAnsweredAfterIt() throws Exception {
    String miss = "/acme/v1/users/" + ClerkSeed.ACME_MEMBER_ID;
    String hit = "/acme/v1/users/" + ClerkSeed.ACME_ADMIN_ID;
    // Nothing has read the member yet: the first request is a miss, the second a fresh hit.
    try (RawHttpClient client = new RawHttpClient(harness.roster.publicPort())) {
      client.send(request("GET", miss, memberToken, "") + request("GET", hit, memberToken, ""));
      String both = client.readResponses(2);
      int first = both.indexOf(ClerkSeed.ACME_MEMBER_ID + "\"");
      int second = both.indexOf(ClerkSeed.ACME_ADMIN_ID + "\"");
      assertThat(client.statusCodes()).containsExactly(200, 200);
      assertThat(first).isPositive();
      assertThat(second).isGreaterThan(first);
    }
  }

  // --- helpers -----------------------------------------------------------------------------

  private record Response(String statusLine, List<String> headers, byte[] body) {}

  private static void assertSame(Response fast, Response regular) {
    assertThat(fast.statusLine).isEqualTo(regular.statusLine);
    assertThat(withoutRequestId(fast.headers)).isEqualTo(withoutRequestId(regular.headers));
    assertThat(fast.body).isEqualTo(regular.body);
  }

  private static List<String> withoutRequestId(List<String> headers) {
    List<String> kept = new ArrayList<>();
    for (String header : headers) {
      kept.add(header.regionMatches(true, 0, "X-Request-Id:", 0, 13) ? "X-Request-Id" : header);
    }
    return kept;
  }

  private static String header(Response response, String name) {
    for (String header : response.headers) {
      if (header.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
        return header.substring(name.length() + 1).strip();
      }
    }
    return null;
  }

  private static String request(String method, String path, String token, String headers) {
    return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
        + "\r\n" + headers + "\r\n";
  }

  /** One request on a new connection, its answer read whole (by its Content-Length). */
  private static Response exchange(String method, String path, String token, String headers)
      throws Exception {
    try (RawHttpClient client = new RawHttpClient(harness.roster.publicPort())) {
      client.send(request(method, path, token, headers));
      String text = client.readResponses(1);
      long deadline = System.nanoTime() + 15_000_000_000L;
      int end = text.indexOf("\r\n\r\n");
      while (end < 0 && System.nanoTime() < deadline) {
        text = client.readMore();
        end = text.indexOf("\r\n\r\n");
      }
      assertThat(end).as("the end of the response head").isPositive();
      String head = text.substring(0, end);
      Matcher length = LENGTH.matcher(head + "\r\n");
      int bodyLength =
          method.equals("HEAD") || head.startsWith("HTTP/1.1 304") || !length.find()
              ? 0
              : Integer.parseInt(length.group(1));
      while (text.length() < end + 4 + bodyLength && System.nanoTime() < deadline) {
        text = client.readMore();
      }
      List<String> lines = new ArrayList<>(List.of(head.split("\r\n")));
      String status = lines.remove(0);
      byte[] body =
          text.substring(end + 4, Math.min(text.length(), end + 4 + bodyLength))
              .getBytes(StandardCharsets.ISO_8859_1);
      return new Response(status, lines, body);
    }
  }

  private static void fill(String path, String token) {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (harness.get(path, token).statusCode() != 200) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(path + " never filled");
      }
    }
  }

  private static double fastHits() {
    return metric("roster_fresh_hits_fast_total ");
  }

  private static double requestsCounted(String app, String route, String status) {
    return metric("roster_requests_total{app=\"" + app + "\",route=\"" + route + "\",status=\""
        + status + "\"} ");
  }

  private static double metric(String prefix) {
    String text =
        harness
            .send(io.vertx.core.http.HttpMethod.GET, harness.roster.adminPort(), "/metrics", null,
                null)
            .bodyAsString();
    return text.lines()
        .filter(l -> l.startsWith(prefix))
        .mapToDouble(l -> Double.parseDouble(l.substring(prefix.length()).strip()))
        .findFirst()
        .orElse(0);
  }

  private static String hmacToken(String subject, String orgId) throws Exception {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .subject(subject)
            .issuer("lane-test")
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(Duration.ofDays(3))))
            .claim("org_id", orgId)
            .claim("org_role", "org:member")
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    jwt.sign(new MACSigner(HMAC_SECRET.getBytes(StandardCharsets.UTF_8)));
    return jwt.serialize();
  }
}
