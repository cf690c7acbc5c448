package org.cinely.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.cinely.test.BrowserTestSupport;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.cinely.test.TestMembers;
import org.cinely.works.WorksTestAccess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Two members in two browsers. Maria has her home page open; Jonas, her connection, uploads a
 * clip. When it has been transcoded, Maria's open page shows the new work at the top; when
 * someone asks to connect, her bell counts it: all without a reload.
 */
// A stream that never answers fails the test in time instead of hanging the build.
@org.junit.jupiter.api.Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
@CinelyIntegrationTest
class LiveFeedBrowserTests extends BrowserTestSupport {

    @Autowired
    TestData data;

    @Autowired
    PasswordEncoder encoder;

    TestMembers members;
    WebDriver second;

    @BeforeEach
    void setUp() throws Exception {
        data.mark();
        members = new TestMembers(data.jdbc(), encoder);
        browser.manage().deleteAllCookies();
        second = newBrowser();
    }

    @AfterEach
    void cleanUp() {
        second.quit();
        data.cleanUp();
    }

    void logIn(WebDriver driver, TestMembers.Member member) {
        driver.get("http://localhost:" + port + "/login");
        // Under load the page may still be on its way; if it never shows the form, say what it shows.
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .withMessage(() -> "no log-in form at " + driver.getCurrentUrl() + ":\n"
                        + driver.getPageSource()
                                .substring(
                                        0, Math.min(3000, driver.getPageSource().length())))
                .until(d -> d.findElement(By.id("email")))
                .sendKeys(member.email());
        driver.findElement(By.id("password")).sendKeys(TestMembers.PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(d ->
                        d.getCurrentUrl().replaceFirst("^https?://[^/]+", "").equals("/"));
    }

    @Test
    void aConnectionsNewWorkAndTheBellArriveOnAnOpenHomePage() throws Exception {
        TestMembers.Member maria = members.create("Maria Live");
        TestMembers.Member jonas = members.create("Jonas Live");
        members.connect(maria, jonas);

        // Maria's home page is open, quiet.
        logIn(browser, maria);
        assertThat(text("[data-feed-empty] h2")).isEqualTo("Your feed is quiet for now");
        assertThat(browser.findElement(By.cssSelector("[data-bell-count]")).isDisplayed())
                .isFalse();

        // Jonas, in his own browser, shares a clip.
        logIn(second, jonas);
        second.get("http://localhost:" + port + "/works/new");
        second.findElement(By.id("title")).sendKeys("Kreuzberg Nights");
        second.findElement(By.xpath("//button[normalize-space()='Save and upload the video']"))
                .click();
        // "/works/new" already contains "/works/": wait for the saved work's own page.
        waitForPathMatching(second, "/works/\\d+/edit");
        second.findElement(By.id("video-file"))
                .sendKeys(WorksTestAccess.clip(640, 360).toAbsolutePath().toString());

        // Maria's page, untouched, shows it once it can be played.
        WebDriverWait slow = new WebDriverWait(browser, Duration.ofSeconds(120));
        slow.until(d -> !d.findElements(By.cssSelector("[data-feed-entries] .feed-entry__text"))
                .isEmpty());
        assertThat(text("[data-feed-entries] .feed-entry__text"))
                .isEqualTo("Jonas Live shared a new work: Kreuzberg Nights");
        assertThat(browser.findElements(By.cssSelector("[data-feed-empty]"))
                        .get(0)
                        .isDisplayed())
                .isFalse();

        // Someone asks to connect with her: the bell on her open page rises.
        TestMembers.Member asker = members.create("Asking Live");
        second.manage().deleteAllCookies();
        logIn(second, asker);
        second.get("http://localhost:" + port + "/members/" + maria.handle());
        second.findElement(By.xpath("//button[normalize-space()='Connect']")).click();
        wait.until(d ->
                d.findElement(By.cssSelector("[data-bell-count]")).getText().equals("1"));
        assertThat(browser.findElement(By.cssSelector("[data-bell]")).getAttribute("aria-label"))
                .isEqualTo("Notifications, 1 unread");
    }
}
