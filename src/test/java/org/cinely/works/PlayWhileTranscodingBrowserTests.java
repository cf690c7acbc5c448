package org.cinely.works;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.cinely.platform.security.CurrentMember;
import org.cinely.test.BrowserTestSupport;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * A viewer presses play while the video is still being transcoded: it plays from the growing
 * playlists, reaches the higher rung, and goes on past what existed when it started, without a
 * reload.
 */
@CinelyIntegrationTest
class PlayWhileTranscodingBrowserTests extends BrowserTestSupport {

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

    private JsonNode status(CurrentMember owner, long workId) throws Exception {
        return WorkUploadIntegrationTests.JSON.readTree(
                mvc.perform(get("/works/" + workId + "/status").with(user(owner)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
    }

    private int segmentsListed(long workId, int height) throws Exception {
        String playlist = mvc.perform(get("/works/" + workId + "/media/v1/hls/" + height + "/index.m3u8"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return (int) playlist.lines().filter(line -> line.startsWith("seg_")).count();
    }

    @Test
    void aViewerWatchesAVideoThatIsStillBeingTranscoded() throws Exception {
        CurrentMember owner = WorksTestSupport.member(data.jdbc(), "{noop}x");
        // A minute of 720p: its ladder takes several times longer to write than the page to open.
        long workId = WorksTestSupport.uploadedPublicWork(mvc, owner, WorksTestSupport.clip(1280, 720, 60));
        Awaitility.await("playable while transcoding")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> status(owner, workId),
                        status -> status.path("playable").asBoolean());

        open("/works/" + workId);
        find("button[data-player-play]").click();
        // Pressed while the ladder is still being written, with only its first segments listed.
        assertThat(status(owner, workId).path("state").asString()).isEqualTo("TRANSCODING");
        int listedAtStart = segmentsListed(workId, 360);
        assertThat(listedAtStart).isLessThan(15);

        JavascriptExecutor js = (JavascriptExecutor) browser;
        WebElement video = find("#player");
        WebDriverWait watching = new WebDriverWait(browser, Duration.ofSeconds(60));
        watching.until(
                driver -> ((Number) js.executeScript("return arguments[0].currentTime", video)).doubleValue() > 0.5);
        // The quality menu offers every rung being made, and the player reaches the higher one.
        WebElement quality = find("#quality");
        wait.until(driver -> quality.isEnabled());
        assertThat(quality.getText()).contains("360p", "720p");
        watching.until(
                driver -> ((Number) js.executeScript("return arguments[0].videoHeight", video)).intValue() == 720);
        // It plays on past the segments listed when play was pressed: the player reloaded the
        // growing playlists by itself.
        double beyond = listedAtStart * 4.0 + 1;
        new WebDriverWait(browser, Duration.ofSeconds(90))
                .until(driver ->
                        ((Number) js.executeScript("return arguments[0].currentTime", video)).doubleValue() > beyond);
        assertThat((String) js.executeScript("return location.pathname")).isEqualTo("/works/" + workId);
        assertThat((Boolean) js.executeScript("return arguments[0].error === null", video))
                .isTrue();
    }
}
