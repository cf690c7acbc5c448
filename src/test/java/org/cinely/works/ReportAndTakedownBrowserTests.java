package org.cinely.works;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.cinely.test.BrowserTestSupport;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.cinely.test.TestMembers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The whole takedown in two browsers: Maria reports her connection's work; a moderator finds it
 * in the queue, takes the case and hides the work; it is gone from Maria's feed, from the works
 * list, from its page and from its media URLs, and Maria learns her report was resolved.
 */
@org.junit.jupiter.api.Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
@CinelyIntegrationTest
class ReportAndTakedownBrowserTests extends BrowserTestSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationEventPublisher events;

    TestMembers members;
    ModerationFixtures fixtures;
    WebDriver moderatorBrowser;

    @BeforeEach
    void setUp() throws Exception {
        data.mark();
        members = new TestMembers(data.jdbc(), encoder);
        fixtures = new ModerationFixtures(mvc, data, tx, events, members);
        browser.manage().deleteAllCookies();
        moderatorBrowser = newBrowser();
    }

    @AfterEach
    void cleanUp() {
        moderatorBrowser.quit();
        data.cleanUp();
    }

    void logIn(WebDriver driver, TestMembers.Member member) {
        driver.get("http://localhost:" + port + "/login");
        driver.findElement(By.id("email")).sendKeys(member.email());
        driver.findElement(By.id("password")).sendKeys(TestMembers.PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(d ->
                        d.getCurrentUrl().replaceFirst("^https?://[^/]+", "").equals("/"));
    }

    int statusOf(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void aReportedWorkHiddenByAModeratorVanishesEverywhereForTheReporter() throws Exception {
        TestMembers.Member maria = members.create("Maria Reporter");
        TestMembers.Member jonas = members.create("Jonas Uploader");
        TestMembers.Member mo = members.create("Mo Moderator");
        data.jdbc().update("update accounts set role = 'MODERATOR' where id = ?", mo.id());
        members.connect(maria, jonas);
        long work = fixtures.publishedWork(jonas, "Harbour Lights", "PUBLIC");
        String playlist = "/works/" + work + "/media/v" + fixtures.mediaVersion(work) + "/hls/master.m3u8";
        assertThat(statusOf(playlist)).isEqualTo(200);

        // Maria sees it in her feed and in the works list, and reports it from its page.
        logIn(browser, maria);
        assertThat(text("[data-feed-entries] .feed-entry__text")).contains("Harbour Lights");
        open("/works");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Harbour Lights");
        open("/works/" + work);
        click("a.report-link[href='/report/work/" + work + "']");
        click("input[name=category][value=COPYRIGHT]");
        type("#note", "This is my footage from 2019.");
        click("main form button[type=submit]");
        assertThat(text(".flash--success")).contains("moderators will look at it");
        assertThat(text("main")).contains("Open");

        // The moderator finds it in the queue, takes the case and hides the work.
        logIn(moderatorBrowser, mo);
        moderatorBrowser.get("http://localhost:" + port + "/admin/reports?kind=WORK");
        moderatorBrowser.findElement(By.linkText("Work #" + work)).click();
        new WebDriverWait(moderatorBrowser, Duration.ofSeconds(15))
                .until(d -> d.getCurrentUrl().matches(".*/admin/reports/\\d+.*"));
        assertThat(moderatorBrowser.findElement(By.tagName("main")).getText())
                .contains("Harbour Lights")
                .contains("This is my footage from 2019.")
                .contains("Copyright or rights");
        moderatorBrowser
                .findElement(By.xpath("//button[normalize-space()='Take this case']"))
                .click();
        // Taking the case posts a form and reloads the page: wait for the decision form.
        // Found and clicked in one step, again if the page was replaced in between (a stale
        // element on CI's second pass): choosing a radio twice changes nothing.
        new WebDriverWait(moderatorBrowser, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    var hide = d.findElements(By.cssSelector("input[name=action][value=HIDE]"));
                    if (hide.isEmpty()) {
                        return false;
                    }
                    hide.get(0).click();
                    return hide.get(0).isSelected();
                });
        new org.openqa.selenium.support.ui.Select(moderatorBrowser.findElement(By.id("rule")))
                .selectByValue("COPYRIGHT");
        moderatorBrowser.findElement(By.id("reason")).sendKeys("The reporter's footage, checked against their reel.");
        moderatorBrowser
                .findElement(By.id("statement"))
                .sendKeys("Your work uses footage that belongs to someone else.");
        moderatorBrowser
                .findElement(By.xpath("//button[normalize-space()='Decide']"))
                .click();
        new WebDriverWait(moderatorBrowser, Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().endsWith("/admin/reports"));
        assertThat(moderatorBrowser
                        .findElement(By.cssSelector(".flash--success"))
                        .getText())
                .contains("Decided");

        // Gone for Maria: feed, works list, page, media.
        open("/");
        assertThat(browser.findElements(By.cssSelector("[data-feed-entries] .feed-entry__text")).stream()
                        .map(e -> e.getText())
                        .toList())
                .noneMatch(t -> t.contains("Harbour Lights"));
        open("/works");
        assertThat(text("main")).doesNotContain("Harbour Lights");
        open("/works/" + work);
        assertThat(text("main")).doesNotContain("Harbour Lights");
        assertThat(statusOf("/works/" + work)).isEqualTo(404);
        assertThat(statusOf(playlist)).as("the old media URL").isEqualTo(404);
        String current = "/works/" + work + "/media/v" + fixtures.mediaVersion(work) + "/hls/master.m3u8";
        assertThat(statusOf(current))
                .as("and the new one, for anyone but author and moderators")
                .isEqualTo(404);

        // Her report is resolved, and she is told.
        data.awaitEventListeners();
        open("/moderation/reports");
        assertThat(text("main")).contains("Resolved");
        open("/notifications");
        assertThat(text("main")).contains("The moderators resolved your report (Work)");
    }
}
