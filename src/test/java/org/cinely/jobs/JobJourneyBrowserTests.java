package org.cinely.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.cinely.platform.security.CurrentMember;
import org.cinely.test.BrowserTestSupport;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** One member posts a job, another applies with a cover note, the poster shortlists them, and they see it. */
@CinelyIntegrationTest
class JobJourneyBrowserTests extends BrowserTestSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

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
    void postApplyShortlistAndSeeTheNewStatus() throws Exception {
        JobsTestSupport support = new JobsTestSupport(mvc, data);
        CurrentMember poster = support.member("Rosa Ventura", true);
        CurrentMember applicant = support.member("Kofi Mensah", true);

        // The poster posts a job.
        logIn(poster);
        open("/jobs");
        clickText("Post a job");
        waitForPath("/jobs/new");
        type("#title", "Gaffer for a five-day night shoot");
        click("input[name=crafts][value=gaffer]");
        type("#productionTitle", "The Long Dark");
        new Select(find("#productionType")).selectByValue("FEATURE");
        type("#company", "Northlight Pictures");
        type("#city", "Lisbon");
        type("#country", "Portugal");
        setDate("startDate", JobsTestSupport.today().plusDays(20).toString());
        setDate("endDate", JobsTestSupport.today().plusDays(25).toString());
        click("input[name=compensation][value=PAID]");
        type("#payAmount", "450");
        type("#payCurrency", "EUR");
        type("#description", "Night exteriors on the river. Tungsten package.");
        clickText("Post the job");
        wait.until(driver -> driver.getCurrentUrl().matches(".*/jobs/\\d+$"));
        String jobPath = browser.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
        assertThat(text(".flash--success")).contains("is on the board");
        assertThat(text("h1")).isEqualTo("Gaffer for a five-day night shoot");
        logOut();

        // Another member applies with a cover note.
        logIn(applicant);
        open("/jobs");
        clickText("Gaffer for a five-day night shoot");
        waitForPath(jobPath);
        type("#coverNote", "I lit the night exteriors on Harbour Lights; happy to send my reel.");
        clickText("Send application");
        assertThat(text(".flash--success")).contains("Your application is on its way");
        assertThat(text(".my-application .application-status")).isEqualTo("New");
        logOut();

        // The poster shortlists them.
        logIn(poster);
        open(jobPath);
        click(".job-manage a.button--primary");
        waitForPath(jobPath + "/applicants");
        clickText("Kofi Mensah");
        assertThat(text(".rich-text")).contains("Harbour Lights");
        clickText("Shortlist");
        assertThat(text(".flash--success")).contains("Shortlisted");
        logOut();

        // The applicant sees the new status.
        logIn(applicant);
        open(jobPath);
        assertThat(text(".my-application .application-status")).isEqualTo("Shortlisted");
        open("/jobs/applications");
        assertThat(text(".application-status")).isEqualTo("Shortlisted");
    }

    private void logIn(CurrentMember member) {
        open("/login");
        type("#email", member.email());
        type("#password", JobsTestSupport.PASSWORD);
        click("main form button[type=submit]");
        wait.until(driver -> !driver.getCurrentUrl().contains("/login"));
    }

    private void logOut() {
        click(".account-menu summary");
        clickText("Log out");
        waitForPath("/?loggedOut");
    }

    private void setDate(String id, String isoDate) {
        ((JavascriptExecutor) browser)
                .executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, isoDate);
        assertThat(browser.findElement(By.id(id)).getAttribute("value")).isEqualTo(isoDate);
    }
}
