package org.saferkent.ops;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.saferkent.platform.test.Browser;
import org.saferkent.platform.test.SecuredApi;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ops-monitor's Swagger UI in a real headless browser (Debian's chromium, as OpsPageBrowserIT), under the same strict
 * Content-Security-Policy as the operations page (only this origin's scripts, styles and connections, no inline
 * script) but for the one stylesheet Swagger UI injects, allowed by its hash on /swagger-ui/** only: it loads its own
 * resources, fetches the document and renders every operation, and the browser reports no CSP violation. Skipped outside CI when chromium is not installed.
 */
@OpsMonitorTest
class SwaggerUiBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static Browser chromium;
    private static WebDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        chromium = Browser.start();
        browser = chromium.driver();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
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

        List<String> violations = chromium.browserConsole().stream()
                .filter(message -> message.contains("Content Security Policy") || message.contains("Refused to"))
                .toList();
        assertThat(violations).isEmpty();
    }
}
