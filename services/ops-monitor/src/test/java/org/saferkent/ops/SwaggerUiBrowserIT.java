package org.saferkent.ops;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.saferkent.platform.test.SecuredApi;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * ops-monitor's Swagger UI in a real headless browser (Debian's chromium, as OpsPageBrowserIT), under the same strict
 * Content-Security-Policy as the operations page (only this origin's scripts, styles and connections, no inline
 * script) but for the one stylesheet Swagger UI injects, allowed by its hash on /swagger-ui/** only: it loads its own
 * resources, fetches the document and renders every operation, and the browser reports no CSP violation. Skipped outside CI when chromium is not installed.
 */
@OpsMonitorTest
class SwaggerUiBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static Path profile;
    private static WebDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        boolean ci = "true".equals(System.getenv("CI"));
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!ci) {
            assumeTrue(installed, "Browser test skipped: /usr/bin/chromium and /usr/bin/chromedriver are not installed");
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("swagger-ui-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    @Test
    void theSwaggerUiRendersTheDocumentUnderTheStrictPolicy() {
        HttpResponse<String> page = SecuredApi.at(port).anonymous().get("/swagger-ui/index.html");
        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(policy).contains("default-src 'none'", "script-src 'self';", "style-src 'self' 'sha256-", "connect-src 'self'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        // the exception is the Swagger UI's alone: the operations page keeps the strict policy
        assertThat(SecuredApi.at(port).anonymous().get("/ops.css").headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("style-src 'self';");

        browser.get("http://127.0.0.1:" + port + "/swagger-ui/index.html");
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".information-container .title"),
                "SaferKent operations monitor"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock-summary-path[data-path='/api/ops/dead-letters/{id}/replay']")));
        assertThat(browser.findElements(By.cssSelector(".opblock")).size()).isGreaterThanOrEqualTo(20);
        // the stylesheet applied: Swagger UI's own layout, not unstyled markup
        assertThat(browser.findElement(By.cssSelector(".swagger-ui .opblock")).getCssValue("border-radius")).isNotEqualTo("0px");

        List<String> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Refused to"))
                .toList();
        assertThat(violations).isEmpty();
    }
}
