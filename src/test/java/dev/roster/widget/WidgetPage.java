package dev.roster.widget;

import dev.roster.testing.Polling;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

/** The test page as the browser tests see it: opening it, and reading what the widget shows. */
final class WidgetPage {
  private final HeadlessChromium browser;
  private final WidgetHarness harness;

  WidgetPage(HeadlessChromium browser, WidgetHarness harness) {
    this.browser = browser;
    this.harness = harness;
  }

  /** Asserts that every poll after one answered {@code status} waited its Retry-After. */
  void assertRetryAfterHonoured(int status) {
    List<Map<String, Object>> polls = polls();
    int checked = 0;
    for (int i = 0; i + 1 < polls.size(); i++) {
      Map<String, Object> poll = polls.get(i);
      if (!Long.valueOf(status).equals(poll.get("status"))) {
        continue;
      }
      long retryAfter = (Long) poll.get("retryAfter");
      double gap =
          ((Number) polls.get(i + 1).get("at")).doubleValue()
              - ((Number) poll.get("at")).doubleValue();
      assertThat(retryAfter).isPositive();
      assertThat(gap).as("ms between the %d and the next poll", status)
          .isGreaterThanOrEqualTo(retryAfter * 1000.0 - 5);
      checked++;
    }
    assertThat(checked).isPositive();
  }

  void open(String token, String interval, String app) {
    browser.driver.get(harness.pageOrigin() + "/");
    Polling.await(
        "the page and the element",
        ofSeconds(15),
        () -> js("return typeof window.startWidget === 'function'"
            + " && !!customElements.get('roster-members')"));
    js("startWidget(arguments[0], arguments[1], arguments[2])", token, interval, app);
  }

  List<Map<String, Object>> awaitRows(int count) {
    return Polling.await(count + " rows", ofSeconds(15), () -> {
      List<Map<String, Object>> rows = rows();
      return rows.size() == count ? rows : null;
    });
  }

  static Map<String, Object> row(List<Map<String, Object>> rows, String name) {
    return rows.stream()
        .filter(row -> name.equals(row.get("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row named " + name + " in " + rows));
  }

  String focusedPosition() {
    return (String) js("const f = widgetRoot().activeElement;"
        + " return f ? f.getAttribute('aria-posinset') : null;");
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> rows() {
    return (List<Map<String, Object>>) js("return widgetRows()");
  }

  List<Object> names() {
    return rows().stream().map(row -> row.get("name")).toList();
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> polls() {
    return (List<Map<String, Object>>) js("return window.__polls");
  }

  List<Object> statuses() {
    return polls().stream().map(poll -> poll.get("status")).toList();
  }

  String part(String name) {
    return (String) js("return widgetPart(arguments[0])", name);
  }

  Object js(String script, Object... args) {
    return browser.driver.executeScript(script, args);
  }
}
