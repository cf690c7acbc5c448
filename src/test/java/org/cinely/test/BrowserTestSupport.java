package org.cinely.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base for {@code *BrowserTests}: one headless Debian Chromium per test class, driven through
 * chromedriver from apt, against the application on its random port. Without Chromium the tests
 * say so loudly and are skipped, except under CI (env CI set), where that is a failure.
 */
@ExtendWith(BrowserTestSupport.SaveScreenOnFailure.class)
public abstract class BrowserTestSupport {

    /** On failure, keeps a screenshot and the page source under target/browser-failures. */
    static class SaveScreenOnFailure implements TestWatcher {

        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser == null) {
                return;
            }
            try {
                Path dir = Files.createDirectories(Path.of("target", "browser-failures"));
                String name = context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getDisplayName().replaceAll("[^A-Za-z0-9]+", "_");
                byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
                Files.write(dir.resolve(name + ".png"), png);
                Files.writeString(
                        dir.resolve(name + ".html"), browser.getCurrentUrl() + "\n" + browser.getPageSource());
            } catch (Exception e) {
                System.err.println("Could not save the failure screenshot: " + e);
            }
        }
    }

    protected static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
    protected static final Path CHROMEDRIVER =
            Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));

    protected static WebDriver browser;
    protected static WebDriverWait wait;

    @LocalServerPort
    protected int port;

    @BeforeAll
    static void startBrowser() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            String message = "\n\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n"
                    + "!!  BROWSER TESTS NOT RUN: Chromium or chromedriver is missing.\n"
                    + "!!  Install them with: sudo apt-get install chromium chromium-driver\n"
                    + "!!  (looked for " + CHROMIUM + " and " + CHROMEDRIVER + ")\n"
                    + "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n";
            System.err.println(message);
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message);
        }
        browser = newBrowser();
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    /** A headless Chromium of its own (a test with two members in two browsers opens a second). */
    protected static WebDriver newBrowser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--window-size=1280,900",
                // Profiles live under target/, not the system temp directory, so runs leave nothing behind.
                "--user-data-dir="
                        + Files.createTempDirectory(
                                        Files.createDirectories(Path.of("target", "chromium-profiles")), "profile")
                                .toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    protected void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    protected WebElement find(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    protected void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    protected void click(String css) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    /** Clicks a button or link by its visible text (what a user would look for). */
    protected void clickText(String text) {
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//*[self::button or self::a][normalize-space()=" + xpathLiteral(text) + "]")))
                .click();
    }

    protected String text(String css) {
        return find(css).getText();
    }

    /**
     * Waits for exactly this path (the query aside): {@code waitForPath("/")} would be satisfied by
     * the page the browser is still on, e.g. the log-in form.
     */
    protected void waitForExactPath(String path) {
        wait.until(driver -> {
            String current =
                    driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "").replaceFirst("[?#].*$", "");
            return current.equals(path);
        });
    }

    /**
     * Waits for a path matching the pattern, e.g. {@code "/works/\\d+"}: a prefix such as
     * "/works/" is already true on "/works/new", before the form has been saved.
     */
    protected void waitForPathMatching(String regex) {
        waitForPathMatching(browser, regex);
    }

    protected static void waitForPathMatching(WebDriver driver, String regex) {
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .withMessage(() -> "never reached a path matching " + regex + "; still at " + driver.getCurrentUrl())
                .until(d -> d.getCurrentUrl()
                        .replaceFirst("^https?://[^/]+", "")
                        .replaceFirst("[?#].*$", "")
                        .matches(regex));
    }

    protected void waitForPath(String pathPrefix) {
        wait.until(driver -> {
            String url = driver.getCurrentUrl();
            String path = url.replaceFirst("^https?://[^/]+", "");
            return path.startsWith(pathPrefix);
        });
    }

    private static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "',\"'\",'") + "')";
    }
}
