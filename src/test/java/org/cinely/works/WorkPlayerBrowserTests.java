package org.cinely.works;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.cinely.platform.security.CurrentMember;
import org.cinely.test.BrowserTestSupport;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A work's page costs its poster only until the viewer presses play; then the video plays, with a
 * quality menu and keys.
 */
@CinelyIntegrationTest
class WorkPlayerBrowserTests extends BrowserTestSupport {

    @Autowired
    TestData data;

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void mark() {
        data.mark();
        browser.manage().deleteAllCookies();
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    @SuppressWarnings("unchecked")
    List<String> fetched() {
        return (List<String>) ((JavascriptExecutor) browser)
                .executeScript("return performance.getEntriesByType('resource').map(e => e.name)");
    }

    @Test
    void nothingButThePosterLoadsBeforePlayThenThePressedVideoPlays() throws Exception {
        CurrentMember owner = WorksTestSupport.member(data.jdbc(), "{noop}x");
        long workId = WorksTestSupport.readyPublicWork(mvc, owner, WorksTestSupport.clip(640, 360));

        open("/works/" + workId);
        WebElement play = find("button[data-player-play]");
        assertThat(play.getAccessibleName()).isEqualTo("Play Magic Hour");
        // The page has settled (its modules ran) and fetched no player code, playlist or segment.
        wait.until(driver -> fetched().stream().anyMatch(name -> name.contains("/js/works.js")));
        assertThat(fetched())
                .noneMatch(name -> name.contains(".m3u8"))
                .noneMatch(name -> name.contains(".m4s"))
                .noneMatch(name -> name.contains("hls.min.js"));
        assertThat(find("#player").getAttribute("src")).isNullOrEmpty();

        play.click();
        JavascriptExecutor js = (JavascriptExecutor) browser;
        WebElement video = find("#player");
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(driver ->
                        ((Number) js.executeScript("return arguments[0].currentTime", video)).doubleValue() > 0.5);

        assertThat(fetched())
                .anyMatch(name -> name.contains("hls.min.js"))
                .anyMatch(name -> name.endsWith("master.m3u8"))
                .anyMatch(name -> name.contains(".m4s"));
        assertThat(browser.findElements(By.cssSelector("button[data-player-play]")))
                .isEmpty();
        assertThat(video.getAttribute("controls")).isNotNull();

        // The quality menu lists Auto and each rung hls.js read from the master playlist.
        WebElement quality = find("#quality");
        wait.until(driver -> quality.isEnabled());
        assertThat(quality.getAccessibleName()).isEqualTo("Quality");
        List<String> levels = quality.findElements(By.tagName("option")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(levels).hasSizeGreaterThanOrEqualTo(2).contains("360p");
        assertThat(levels.get(0)).startsWith("Auto");

        // Keys act on the focused player: the started video has focus; k pauses, m mutes, space plays.
        assertThat(js.executeScript("return document.activeElement === arguments[0]", video))
                .isEqualTo(true);
        new Actions(browser).sendKeys("k").perform();
        wait.until(driver -> (Boolean) js.executeScript("return arguments[0].paused", video));
        new Actions(browser).sendKeys("m").perform();
        wait.until(driver -> (Boolean) js.executeScript("return arguments[0].muted", video));
        Number scrolled = (Number) js.executeScript("return window.scrollY");
        new Actions(browser).sendKeys(Keys.SPACE).perform();
        wait.until(driver -> !(Boolean) js.executeScript("return arguments[0].paused", video));
        // Space played the video rather than scrolling the page.
        assertThat(((Number) js.executeScript("return window.scrollY")).intValue())
                .isEqualTo(scrolled.intValue());
    }
}
