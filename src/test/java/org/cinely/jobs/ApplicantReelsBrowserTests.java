package org.cinely.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import org.cinely.platform.security.CurrentMember;
import org.cinely.test.BrowserTestSupport;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.cinely.works.WorksTestAccess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** A poster reading an application sees the applicant's reels as posters; one plays when pressed. */
@CinelyIntegrationTest
class ApplicantReelsBrowserTests extends BrowserTestSupport {

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
    void reelsLoadOnlyTheirPostersUntilOneIsPressed() throws Exception {
        JobsTestSupport support = new JobsTestSupport(mvc, data);
        CurrentMember poster = support.member("Rosa Ventura", true);
        CurrentMember applicant = support.member("Kofi Mensah", true);
        support.giveCraft(applicant, "gaffer");
        long job = support.postJob(poster);
        long first = WorksTestAccess.readyPublicWork(mvc, applicant, WorksTestAccess.clip(640, 360));
        long second = WorksTestAccess.readyPublicWork(mvc, applicant, WorksTestAccess.clip(640, 360));
        mvc.perform(post("/jobs/" + job + "/apply")
                        .with(csrf())
                        .with(JobsTestSupport.as(applicant))
                        .param("coverNote", "Two night exteriors.")
                        .param("workIds", Long.toString(first), Long.toString(second)))
                .andExpect(status().is3xxRedirection());
        long application = data.jdbc()
                .queryForObject(
                        "select id from job_applications where job_id = ? and applicant_id = ?",
                        Long.class,
                        job,
                        applicant.id().value());

        open("/login");
        type("#email", poster.email());
        type("#password", JobsTestSupport.PASSWORD);
        click("main form button[type=submit]");
        wait.until(driver -> !driver.getCurrentUrl().contains("/login"));
        open("/jobs/" + job + "/applicants/" + application);

        List<WebElement> buttons = browser.findElements(By.cssSelector("button[data-player-play]"));
        assertThat(buttons).hasSize(2);
        wait.until(driver -> fetched().stream().anyMatch(name -> name.contains("/js/player.js")));
        assertThat(fetched())
                .noneMatch(name -> name.contains(".m3u8"))
                .noneMatch(name -> name.contains(".m4s"))
                .noneMatch(name -> name.contains("hls.min.js"));

        buttons.get(0).click();
        JavascriptExecutor js = (JavascriptExecutor) browser;
        WebElement video =
                browser.findElements(By.cssSelector(".work-tile video")).get(0);
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(driver ->
                        ((Number) js.executeScript("return arguments[0].currentTime", video)).doubleValue() > 0.5);
        // Only the pressed reel's playlist was fetched.
        assertThat(fetched())
                .anyMatch(name -> name.contains("/works/" + first + "/media/") && name.endsWith(".m3u8"))
                .noneMatch(name -> name.contains("/works/" + second + "/media/") && name.endsWith(".m3u8"));
    }
}
