package dev.roster.widget;

import dev.roster.testing.Polling;
import static dev.roster.sim.clerk.ClerkSeed.ACME_ADMIN_ID;
import static dev.roster.sim.clerk.ClerkSeed.ACME_MEMBER_ID;
import static dev.roster.sim.clerk.ClerkSeed.ACME_ORG_ID;
import static dev.roster.sim.clerk.ClerkSeed.BANNED_USER_ID;
import static dev.roster.sim.clerk.ClerkSeed.BIG_ORG_ID;
import static dev.roster.sim.clerk.ClerkSeed.BIG_ORG_MEMBER_COUNT;
import static dev.roster.sim.clerk.ClerkSeed.EMPTY_ORG_ADMIN_ID;
import static dev.roster.sim.clerk.ClerkSeed.EMPTY_ORG_ID;
import static dev.roster.sim.clerk.ClerkSeed.GLOBEX_ORG_ID;
import static dev.roster.sim.clerk.ClerkSeed.NO_ORG_USER_ID;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.sim.fault.Fault;
import dev.roster.sim.issuer.TokenSpec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * {@code <roster-members>} in headless Chromium, on a page of another origin, against Roster and
 * the Clerk simulator over real HTTP: what it shows, how it polls, what it refuses to run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WidgetBrowserTest {
  private HeadlessChromium browser;
  private WidgetHarness harness;
  private WidgetPage page;

  @BeforeAll
  void start() {
    browser = HeadlessChromium.start();
    harness = new WidgetHarness();
    page = new WidgetPage(browser, harness);
  }

  @AfterAll
  void stop() {
    if (harness != null) {
      harness.close();
    }
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void rendersEveryMemberOfTheTokensOrganisationInTheContractsOrder() {
    String token = harness.token(ACME_MEMBER_ID, ACME_ORG_ID, "org:member");
    JsonArray expected = harness.members(token).bodyAsJsonArray();

    page.open(token, "30", null);

    List<Map<String, Object>> rows = page.awaitRows(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      JsonObject member = expected.getJsonObject(i);
      assertThat(rows.get(i))
          .containsEntry("pos", (long) i + 1)
          .containsEntry("size", (long) expected.size())
          .containsEntry("name", WidgetText.name(member))
          .containsEntry("email", Objects.requireNonNullElse(member.getString("email"), ""))
          .containsEntry("role", member.getString("role").replaceFirst("^org:", ""));
    }
    assertThat(rows.get(0)).containsEntry("initials", "AA");
    assertThat(page.part("count")).isEqualTo("6 members");
    String list = "return widgetRoot().querySelector('[part=\"list\"]')";
    assertThat(page.js(list + ".getAttribute('role')")).isEqualTo("list");
    assertThat(page.js(list + ".getAttribute('aria-label')")).isEqualTo("Team");
  }

  @Test
  void pollsAfterTheFirstAre304sThatChangeNothingOnScreen() {
    String token = harness.token(ACME_MEMBER_ID, ACME_ORG_ID, "org:member");
    long fullBefore = harness.listRequests(200);
    long notModifiedBefore = harness.listRequests(304);

    page.open(token, "0.3", null);
    Polling.await("a first 304", ofSeconds(15), () -> page.polls().size() >= 2);
    page.js("window.__mutations = 0;"
        + " new MutationObserver((records) => { __mutations += records.length; })"
        + ".observe(widgetRoot(), {subtree: true, childList: true, characterData: true,"
        + " attributes: true});");
    Polling.await("three more polls", ofSeconds(15), () -> page.polls().size() >= 5);

    List<Object> statuses = page.polls().stream().map(poll -> poll.get("status")).toList();
    assertThat(statuses.get(0)).isEqualTo(200L);
    assertThat(statuses.subList(1, statuses.size())).containsOnly(304L);
    assertThat(page.js("return window.__mutations")).isEqualTo(0L);
    Polling.await(
        "Roster's metrics to count the 304s",
        ofSeconds(10),
        () -> harness.listRequests(304) - notModifiedBefore >= statuses.size() - 1);
    assertThat(harness.listRequests(200) - fullBefore).isEqualTo(1);
  }

  @Test
  void aSignedUserUpdatedWebhookChangesTheNameOnScreenWithinOnePoll() {
    String token = harness.token(ACME_MEMBER_ID, ACME_ORG_ID, "org:member");
    page.open(token, "0.5", null);
    Polling.await("Carol", ofSeconds(15), () -> page.names().contains("Carol Chen"));
    Polling.await("a revalidating poll", ofSeconds(15), () -> page.polls().size() >= 2);
    JsonObject changed = harness.clerk.user(BANNED_USER_ID).copy().put("first_name", "Caroline");
    int upstreamCalls = harness.clerk.requestCount();

    assertThat(harness.webhook("msg_widget_1", event("user.updated", changed).toBuffer()))
        .isEqualTo(204);
    double acknowledged = ((Number) page.js("return performance.now()")).doubleValue();

    Polling.await("Caroline", ofSeconds(10), () -> page.names().contains("Caroline Chen"));
    List<Map<String, Object>> after =
        page.polls().stream()
            .filter(poll -> ((Number) poll.get("at")).doubleValue() > acknowledged)
            .toList();
    // The first poll to finish may have been in flight before the webhook; the next one shows it.
    int firstFull = after.stream().map(poll -> poll.get("status")).toList().indexOf(200L);
    assertThat(firstFull).isBetween(0, 1);
    assertThat(page.names()).doesNotContain("Carol Chen");
    assertThat(harness.clerk.requestCount()).isEqualTo(upstreamCalls);
  }

  @Test
  void hostileNamesAndUrlsAreShownAsTextAndRunNothing() {
    String html = "<img src=x onerror=alert(1)>";
    String script = "\"><script>alert(2)</script>";
    String email = "x\"><svg/onload=alert(4)>@evil.example";
    String loopbackAvatar = harness.pageOrigin() + "/avatar.png";
    addGlobexMember("user_2hostileMarkup0000000001", html, script, email, "javascript:alert(3)");
    addGlobexMember("user_2hostileHttpUrl000000002", "Mallory", "Plain", "m@evil.example",
        "http://evil.example/track.png");
    addGlobexMember("user_2loopbackAvatar00000003", "Lou", "Loopback", "lou@example.com",
        loopbackAvatar);
    String token = harness.token(ACME_MEMBER_ID, GLOBEX_ORG_ID, "org:admin");
    int expected = harness.members(token).bodyAsJsonArray().size();

    page.open(token, "0.3", null);
    List<Map<String, Object>> rows = page.awaitRows(expected);
    Polling.await("images to load or fail", ofSeconds(15), () -> page.polls().size() >= 3);

    Map<String, Object> markup = WidgetPage.row(rows, html + " " + script);
    assertThat(markup).containsEntry("email", email).containsEntry("initials", "<\"");
    assertThat(markup.get("image")).isNull();
    assertThat(WidgetPage.row(rows, "Mallory Plain").get("image")).isNull();
    assertThat(WidgetPage.row(rows, "Lou Loopback")).containsEntry("image", loopbackAvatar);
    assertThat(page.js("return window.__alerts")).isEqualTo(0L);
    assertThat(page.js("return widgetRoot()"
            + ".querySelectorAll('script, svg, [onerror], [onload]').length"))
        .isEqualTo(0L);
    assertThat(page.js("return Array.from(widgetRoot().querySelectorAll('img[src]'))"
            + ".map((img) => img.getAttribute('src')).filter((src) => !src.startsWith('https:')"
            + " && src !== arguments[0])", loopbackAvatar))
        .isEqualTo(List.of());
    assertThat(page.js("return document.querySelectorAll('img').length")).isEqualTo(0L);
  }

  @Test
  void aLargeOrganisationRendersEveryMemberScrollsAndIsKeyboardReachable() {
    String token = harness.token(ACME_ADMIN_ID, BIG_ORG_ID, "org:admin");
    JsonArray expected = harness.members(token).bodyAsJsonArray();
    assertThat(expected.size()).isEqualTo(BIG_ORG_MEMBER_COUNT);

    page.open(token, "30", null);
    Polling.await("the count", ofSeconds(20), () -> "1,235 members".equals(page.part("count")));

    assertThat((Long) page.js("return widgetRoot().querySelectorAll('[part=\"member\"]').length"))
        .isLessThan(60L);
    @SuppressWarnings("unchecked")
    Map<String, Object> scrolled =
        (Map<String, Object>)
            browser.driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; scrollThrough().then(done);");
    @SuppressWarnings("unchecked")
    Map<String, Object> names = (Map<String, Object>) scrolled.get("names");
    assertThat(names).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      assertThat(names.get(Integer.toString(i + 1)))
          .as("member %d", i + 1)
          .isEqualTo(WidgetText.name(expected.getJsonObject(i)));
    }
    System.out.printf(
        "widget: %d members in %s viewport steps; step (scroll + 2 frames) median %s ms,"
            + " max %s ms; long tasks (ms) while scrolling: %s; as many frames idle: %s%n",
        names.size(), scrolled.get("steps"), scrolled.get("median"), scrolled.get("slowest"),
        scrolled.get("longTasks"), scrolled.get("idleLongTasks"));

    SearchContext shadow = browser.driver.findElement(By.id("widget")).getShadowRoot();
    WebElement search = shadow.findElement(By.cssSelector("[part='search']"));
    search.click();
    new Actions(browser.driver).sendKeys(Keys.TAB).perform();
    assertThat(page.js("return widgetRoot().activeElement.getAttribute('part')")).isEqualTo("list");
    new Actions(browser.driver).sendKeys(Keys.END).perform();
    assertThat(page.focusedPosition()).isEqualTo("1235");
    new Actions(browser.driver).sendKeys(Keys.HOME).sendKeys(Keys.ARROW_DOWN).perform();
    assertThat(page.focusedPosition()).isEqualTo("2");

    JsonObject last = expected.getJsonObject(expected.size() - 1);
    search.sendKeys(last.getString("email"));
    Polling.await(
        "one match", ofSeconds(5), () -> "1 of 1,235 members".equals(page.part("count")));
    assertThat(page.rows()).singleElement().satisfies(
        row -> assertThat(row).containsEntry("name", WidgetText.name(last)));
    search.sendKeys("-no-such-member");
    Polling.await("no match", ofSeconds(5), () -> page.part("empty") != null);
    assertThat(page.part("empty")).isEqualTo("No members match this search.");
  }

  @Test
  void a503WithRetryAfterDelaysTheNextPollUntilItHasPassed() {
    harness.clerk.faults().add(Fault.rateLimit(3));
    try {
      String token = harness.token(EMPTY_ORG_ADMIN_ID, EMPTY_ORG_ID, "org:admin");
      page.open(token, "0.3", null);
      Polling.await("a 503", ofSeconds(15), () -> page.statuses().contains(503L));
      assertThat(page.part("status")).startsWith("The directory is unavailable. Retrying in");
      harness.clerk.faults().clear();

      Polling.await("recovery", ofSeconds(20), () -> page.statuses().contains(200L));

      page.assertRetryAfterHonoured(503);
      assertThat(page.names()).containsExactly("Grace Gomez");
      assertThat(page.part("status")).isNull();
    } finally {
      harness.clerk.faults().clear();
    }
  }

  @Test
  void a429WithRetryAfterIsShownAndHonoured() {
    String token = harness.token(ACME_MEMBER_ID, ACME_ORG_ID, "org:member");
    page.open(token, "0.3", "tight");
    Polling.await("a first list", ofSeconds(15), () -> page.statuses().contains(200L));
    // The same caller asking from elsewhere too uses up its bucket, however slow the polls.
    Polling.await("a 429", ofSeconds(15), () -> {
      harness.members(token, "tight");
      return page.statuses().contains(429L);
    });
    assertThat(page.part("status")).startsWith("Too many requests. Retrying in");
    Polling.await("a poll after the 429", ofSeconds(15), () -> {
      List<Object> seen = page.statuses();
      return seen.indexOf(429L) >= 0 && seen.size() > seen.indexOf(429L) + 1;
    });
    page.assertRetryAfterHonoured(429);
    assertThat(page.names()).hasSize(6);
  }

  @Test
  void withoutAValidTokenOrAnOrganisationItSaysSoAndShowsNobody() {
    page.open("not-a-token", "0.3", null);
    Polling.await("a 401", ofSeconds(15), () -> page.statuses().contains(401L));
    assertThat(page.part("status"))
        .isEqualTo("Your session has expired or is not valid here. Sign in again.");
    assertThat(page.rows()).isEmpty();

    String noOrganisation =
        harness.issuer.issue(
            TokenSpec.forSubject(NO_ORG_USER_ID).lifetime(java.time.Duration.ofHours(1)));
    page.open(noOrganisation, "0.3", null);
    Polling.await("a 400", ofSeconds(15), () -> page.statuses().contains(400L));
    assertThat(page.part("status")).isEqualTo("Choose an organisation to see its members.");
    assertThat(page.rows()).isEmpty();

    page.open(null, "0.3", null);
    Polling.await("a poll", ofSeconds(15), () -> !page.polls().isEmpty());
    assertThat(page.part("status"))
        .isEqualTo("You are signed out. Sign in to see your organisation.");
    assertThat(page.statuses()).containsOnly(0L);
    assertThat(page.rows()).isEmpty();
  }

  private void addGlobexMember(
      String id, String first, String last, String email, String imageUrl) {
    JsonObject user = harness.clerk.user(BANNED_USER_ID).copy();
    JsonArray emails = user.getJsonArray("email_addresses");
    emails.getJsonObject(0).put("email_address", email);
    user.put("id", id)
        .put("first_name", first)
        .put("last_name", last)
        .put("image_url", imageUrl)
        .put("has_image", true)
        .put("email_addresses", new JsonArray().add(emails.getJsonObject(0)))
        .put("primary_email_address_id", emails.getJsonObject(0).getString("id"));
    harness.clerk.putUser(user);
    harness.clerk.addMembership(GLOBEX_ORG_ID, id, "org:member");
  }

  private JsonObject event(String type, JsonObject data) {
    return new JsonObject()
        .put("data", data)
        .put("object", "event")
        .put("type", type)
        .put("timestamp", System.currentTimeMillis())
        .put("instance_id", "ins_widget");
  }

}
