package org.cinely.works;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.cinely.platform.security.CurrentMember;
import org.cinely.test.BrowserTestSupport;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A member shares a clip: details, the tus upload with its progress, transcoding, and it plays. */
@CinelyIntegrationTest
class WorkUploadBrowserTests extends BrowserTestSupport {

    static final String PASSWORD = "dolly-track-focus-pull-7";

    @Autowired
    TestData data;

    @Autowired
    PasswordEncoder passwords;

    @BeforeEach
    void mark() {
        data.mark();
        browser.manage().deleteAllCookies();
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    @Test
    void uploadAClipWatchItBecomeReadyAndPlay() throws Exception {
        CurrentMember member = WorksTestSupport.member(data.jdbc(), passwords.encode(PASSWORD));
        String clip = WorksTestSupport.clip(640, 360).toAbsolutePath().toString();

        open("/login");
        type("#email", member.email());
        type("#password", PASSWORD);
        click("main form button[type=submit]");
        waitForExactPath("/");

        open("/works/new");
        type("#title", "Blue Hour Test Reel");
        type("#description", "Two seconds of colour bars and a tone.");
        clickText("Save and upload the video");
        waitForPathMatching("/works/\\d+/edit");
        assertThat(text(".flash--success")).contains("Now choose the video");

        browser.findElement(By.id("video-file")).sendKeys(clip);
        WebDriverWait slow = new WebDriverWait(browser, Duration.ofSeconds(120));
        // The page reloads itself when the video's state changes: an element read mid-reload is stale.
        slow.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        // The page follows the work to "Ready to watch" by itself.
        slow.until(
                driver -> driver.findElement(By.id("upload-status")).getText().contains("Ready to watch"));

        clickText("See the work's page");
        WebElement video = find("#player");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        // The player loads nothing until its play button is pressed (WorkPlayerBrowserTests).
        click("button[data-player-play]");
        slow.until(driver -> ((Number) js.executeScript("return arguments[0].currentTime", video)).doubleValue() > 0.2);
        assertThat(browser.findElements(By.cssSelector("#quality option"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(text("h1")).isEqualTo("Blue Hour Test Reel");
    }
}
