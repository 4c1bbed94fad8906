package dev.roster.widget;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's {@code chromium} driven through its {@code chromedriver}, headless, with a fresh
 * profile. Both paths are given explicitly, so Selenium Manager never looks for (or downloads) a
 * browser or a driver. Without them a test is skipped with the reason, unless {@code CI=true}:
 * then it fails, since CI installs both ({@code chromium}, {@code chromium-driver}).
 */
final class HeadlessChromium implements AutoCloseable {
  static final String BROWSER = System.getProperty("roster.chromium", "/usr/bin/chromium");
  static final String DRIVER = System.getProperty("roster.chromedriver", "/usr/bin/chromedriver");

  final ChromeDriver driver;
  private final Path profile;

  private HeadlessChromium(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** Starts the browser, or skips (fails on CI) when it is not installed. */
  static HeadlessChromium start() {
    boolean installed =
        new File(BROWSER).canExecute() && new File(DRIVER).canExecute();
    if (!installed) {
      String reason =
          "needs " + BROWSER + " and " + DRIVER + " (Debian: chromium, chromium-driver)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("CI=true but the browser is missing: " + reason);
      }
      Assumptions.abort(reason);
    }
    try {
      Path profile = Files.createTempDirectory("roster-chromium-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(BROWSER);
      options.addArguments(
          "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--no-first-run", "--lang=en-US", "--window-size=1000,900",
          "--user-data-dir=" + profile);
      LoggingPreferences logs = new LoggingPreferences();
      logs.enable(LogType.BROWSER, Level.ALL);
      options.setCapability("goog:loggingPrefs", logs);
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(new File(DRIVER))
              .usingAnyFreePort()
              .build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
      return new HeadlessChromium(driver, profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      } catch (IOException ignored) {
        // A leftover temporary profile is harmless.
      }
    }
  }
}
