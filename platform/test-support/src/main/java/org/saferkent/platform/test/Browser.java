package org.saferkent.platform.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real headless browser for the pages' tests: Debian's chromium and chromium-driver (never a downloaded
 * one), a fresh profile, sign-in on the identity server's form as a local person, axe-core's WCAG 2.2 A/AA
 * rules run in the page, and screenshots kept under {@code target/screenshots}. Outside CI a missing
 * chromium skips the test (with how to install it); in CI ({@code CI=true}) it must run.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** The axe-core rule tags checked: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
    private static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private static final Duration POLL = Duration.ofMillis(100);

    private final WebDriver driver;
    private final Path profile;
    private final Duration wait;

    private Browser(WebDriver driver, Path profile, Duration wait) {
        this.driver = driver;
        this.profile = profile;
        this.wait = wait;
    }

    /** Starts chromium (or skips the test outside CI when it is not installed). */
    public static Browser start() {
        return start(null);
    }

    /**
     * Starts chromium with its clock in {@code zone} (the browser's local time: a page must not take it for the UK's),
     * or the machine's when null.
     */
    public static Browser start(java.time.ZoneId zone) {
        boolean ci = "true".equals(System.getenv("CI"));
        if (!ci) {
            assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                    "Browser test skipped: /usr/bin/chromium and /usr/bin/chromedriver are not installed "
                            + "(apt-get install -y chromium chromium-driver; .ci/run does this). In CI (CI=true) it must run.");
        }
        try {
            System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
            Path profile = Files.createTempDirectory("saferkent-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toString());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--window-size=1400,1000", "--user-data-dir=" + profile);
            // the console, for tests that read what the page was refused (CSP violations): browserConsole()
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService.Builder builder = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort();
            if (zone != null) {
                builder.withEnvironment(java.util.Map.of("TZ", zone.getId())); // chromium inherits its driver's
            }
            ChromeDriverService service = builder.build();
            Duration wait = Duration.ofSeconds(30);
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(wait);
            return new Browser(driver, profile, wait);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * A wait bounded at 30 s, for {@code until(...)}, asking every 100 ms instead of Selenium's 500 ms: a page's answer
     * is seen when it comes, not up to half a second later, at each of a walk's many steps.
     */
    public WebDriverWait await() {
        return new WebDriverWait(driver, wait, POLL);
    }

    /**
     * Opens {@code url}; when the identity server's form shows (not signed in yet) signs in as {@code username}
     * with its local password ({@code <username>-local-password}) and comes back (authorization code + PKCE);
     * returns once the page's title is {@code title}.
     */
    public void openSignedIn(String url, String username, String title) {
        driver.get(url);
        await().until(d -> !d.findElements(By.name("username")).isEmpty() || title.equals(d.getTitle()));
        if (!driver.findElements(By.name("username")).isEmpty()) {
            driver.findElement(By.name("username")).sendKeys(username);
            driver.findElement(By.name("password")).sendKeys(username + "-local-password");
            driver.findElement(By.cssSelector("button[type=submit]")).click();
        }
        await().until(ExpectedConditions.titleIs(title));
    }

    /**
     * Signs out everywhere on this host: cookies ignore ports, so deleting the loopback host's cookies ends
     * the identity server's session and every service page's session alike (the next page signs in afresh).
     */
    public void signOutEverywhere() {
        driver.manage().deleteAllCookies();
    }

    /**
     * Runs axe-core's WCAG 2.2 A and AA rules in the current page and returns each violation as
     * {@code "rule: help (selectors)"}; empty when the page passes. The script is given to the page by the
     * driver, not by a script tag, so the page's strict CSP stays as it is.
     */
    @SuppressWarnings("unchecked")
    public List<String> accessibilityViolations() {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axeSource());
        Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
                + ".then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' (' + v.nodes.map(n => n.target.join(' ')).join(', ') + ')')))"
                + ".catch(e => done(['axe failed: ' + e]));", WCAG_AA);
        return new ArrayList<>((List<String>) result);
    }

    /** The browser console's messages since the last call (CSP refusals among them). */
    public List<String> browserConsole() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    /** Saves a screenshot under {@code target/screenshots/<name>} for a person to look at (not asserted on). */
    public void screenshot(String name) {
        try {
            Path target = Path.of("target", "screenshots");
            Files.createDirectories(target);
            Files.write(target.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static volatile String axe;

    private static String axeSource() {
        if (axe == null) {
            try (InputStream in = Browser.class.getClassLoader().getResourceAsStream("axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe.min.js is not on the test classpath: add the test dependency "
                            + "com.deque.html.axe-core:selenium (the root pom manages it, without its dependencies)");
                }
                axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axe;
    }

}
