package dev.roster.widget;

import dev.roster.testing.Polling;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.Roster;
import dev.roster.config.ConfigLoader;
import dev.roster.config.DemoOptions;
import dev.roster.config.RosterOptions;
import dev.roster.sim.DemoEnvironment;
import dev.roster.sim.lexful.LexfulSeed;
import dev.roster.time.TimeSource;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The demo page of the shipped demo configuration ({@code conf/roster.yaml}, its ports moved to
 * free ones), over HTTP and in headless Chromium. With {@code -Droster.widget.screenshot=PATH}
 * it saves its screenshot there (docs/widget-demo.png is made that way), else under target/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoPageTest {
  private final Vertx vertx = Vertx.vertx();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private DemoEnvironment demo;
  private RosterOptions options;
  private Roster roster;
  private WebClient client;

  @BeforeAll
  void start() throws IOException {
    demo = DemoEnvironment.start(vertx, new DemoOptions(0, 0, 0)).await();
    String yaml =
        Files.readString(Path.of("conf/roster.yaml"))
            .replace("127.0.0.1:18081", "127.0.0.1:" + demo.clerk().port())
            .replace("127.0.0.1:18082", "127.0.0.1:" + demo.lexful().port())
            .replace("127.0.0.1:18083", "127.0.0.1:" + demo.issuer().port())
            .replace("port: 8080", "port: 0")
            .replace("port: 9090", "port: 0");
    options = ConfigLoader.parse(yaml, Map.of());
    // As Main wires it in demo mode.
    roster =
        Roster.start(vertx, options, TimeSource.system(), out, 1,
                (app, large) -> demo.pageToken(options.apps().get(app), large))
            .await();
    client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false));
  }

  @AfterAll
  void stop() {
    roster.shutdown().await();
    vertx.close().await();
  }

  @Test
  void theWelcomeTextPrintsThePageUrl() {
    assertThat(demo.welcome(options, roster.publicPort()))
        .contains("http://127.0.0.1:" + roster.publicPort() + "/demo/");
  }

  @Test
  void thePageIsServedUnderAStrictPolicyAndEmbedsNoToken() {
    HttpResponse<Buffer> page = get("/demo/");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.getHeader("Content-Security-Policy"))
        .contains("script-src 'self'", "require-trusted-types-for 'script'",
            "frame-ancestors 'none'")
        .doesNotContain("unsafe");
    assertThat(page.bodyAsString()).doesNotContain("eyJ");
    assertThat(get("/demo").statusCode()).isEqualTo(302);
  }

  @Test
  void tokensAreMintedPerAppForSixtySecondsAndWorkOnThatApp() {
    for (String app : List.of("acme", "globex", "initech")) {
      HttpResponse<Buffer> minted = post("/demo/token?app=" + app);
      assertThat(minted.statusCode()).isEqualTo(200);
      assertThat(minted.getHeader("Cache-Control")).isEqualTo("no-store");
      String token = minted.bodyAsJsonObject().getString("token");
      JsonObject claims =
          new JsonObject(
              new String(
                  Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
      assertThat(claims.getLong("exp") - claims.getLong("iat")).isEqualTo(60);
      HttpResponse<Buffer> list =
          client.get(roster.publicPort(), "127.0.0.1", "/" + app + "/v1/users")
              .putHeader("Authorization", "Bearer " + token)
              .send()
              .await();
      assertThat(list.statusCode()).as(app).isEqualTo(200);
    }
    assertThat(post("/demo/token?app=nope").statusCode()).isEqualTo(404);
  }

  @Test
  void theWidgetShowsEachDemoAppAndTheLargeOrganisation() throws IOException {
    try (HeadlessChromium browser = HeadlessChromium.start()) {
      browser.driver.get("http://127.0.0.1:" + roster.publicPort() + "/demo/");
      await(browser, "acme's members", "6 members");
      screenshot(browser);

      browser.driver.findElement(By.cssSelector("input[value='globex'] + strong")).click();
      await(browser, "globex's members", LexfulSeed.DEMO_ORG_MEMBER_COUNT + " members");
      assertThat(browser.driver.findElement(By.id("caller")).getText())
          .startsWith("Signed in to globex as " + LexfulSeed.VIEWER_ID);

      browser.driver.findElement(By.cssSelector("input[value='initech'] + strong")).click();
      Polling.await("initech's caller", ofSeconds(15), () -> browser.driver
          .findElement(By.id("caller")).getText().startsWith("Signed in to initech"));
      browser.driver.findElement(By.cssSelector("input[value='acme'] + strong")).click();
      await(browser, "acme's members again", "6 members");
      browser.driver.findElement(By.id("large")).click();
      await(browser, "BigCo's members", "1,235 members");

      List<LogEntry> problems =
          browser.driver.manage().logs().get(LogType.BROWSER).getAll().stream()
              .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
              .filter(entry -> !entry.getMessage().contains("favicon"))
              .filter(entry -> !entry.getMessage().contains("img.clerk.com"))
              .toList();
      assertThat(problems).as("CSP, Trusted Types or script errors").isEmpty();
    }
  }

  private static void await(HeadlessChromium browser, String what, String count) {
    Polling.await(what, ofSeconds(20), () -> count.equals(browser.driver.executeScript(
        "const root = document.getElementById('members').shadowRoot;"
            + " const c = root && root.querySelector('[part=\"count\"]');"
            + " return c && c.textContent;")));
  }

  private static void screenshot(HeadlessChromium browser) throws IOException {
    Path target = Path.of(System.getProperty("roster.widget.screenshot", "target/widget-demo.png"));
    Files.createDirectories(target.toAbsolutePath().getParent());
    Files.write(target, browser.driver.getScreenshotAs(OutputType.BYTES));
  }

  private HttpResponse<Buffer> get(String path) {
    return client.get(roster.publicPort(), "127.0.0.1", path).send().await();
  }

  private HttpResponse<Buffer> post(String path) {
    return client.post(roster.publicPort(), "127.0.0.1", path).send().await();
  }
}
