package org.cinely.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.cinely.platform.security.CurrentMember;
import org.cinely.test.BrowserTestSupport;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The board's filters in a real browser: crafts are chips to tick (no Ctrl-click list), and on a
 * 390 px phone the filters fold away under their summary so the first results are on the first
 * screen.
 */
@CinelyIntegrationTest
class JobBoardFiltersBrowserTests extends BrowserTestSupport {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    String marker;

    @BeforeEach
    void setUp() throws Exception {
        data.mark();
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(1280, 900));
        marker = "zb" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "k");
        JobsTestSupport support = new JobsTestSupport(mvc, data);
        CurrentMember poster = support.member("Rosa Ventura", true);
        for (Map.Entry<String, String> listing : Map.of(
                        "Lamp op for a night exterior", "gaffer",
                        "Dolly and track day", "grip",
                        "Assembly edit, two weeks", "editor")
                .entrySet()) {
            support.postJob(
                    poster,
                    Map.of(
                            "title",
                            listing.getKey(),
                            "crafts",
                            listing.getValue(),
                            "description",
                            "Crew call " + marker + "."));
        }
    }

    @AfterEach
    void cleanUp() {
        browser.manage().window().setSize(new Dimension(1280, 900));
        data.cleanUp();
    }

    List<String> titles() {
        return browser.findElements(By.cssSelector(".job-card__title a")).stream()
                .map(WebElement::getText)
                .toList();
    }

    WebElement craft(String slug) {
        return browser.findElement(By.cssSelector(".chip-check input[value=" + slug + "]"));
    }

    Object script(String js) {
        return ((JavascriptExecutor) browser).executeScript(js);
    }

    @Test
    void craftsAreChipsToTickAndStayTickedWithTheResults() {
        open("/jobs?q=" + marker);
        assertThat(browser.findElements(By.cssSelector("select[multiple]"))).isEmpty();
        // On a wide screen the filters are simply there: no summary to open first.
        assertThat(browser.findElement(By.cssSelector(".filters-fold__summary")).isDisplayed())
                .isFalse();
        click(".chip-check:has(input[value=gaffer])");
        click(".chip-check:has(input[value=grip])");
        assertThat(craft("gaffer").isSelected()).isTrue();
        // The chosen chip says so without colour: a tick.
        assertThat(script("return getComputedStyle(document.querySelector("
                        + "'.chip-check input[value=gaffer] + span'), '::before').content"))
                .asString()
                .contains("✓");
        clickText("Search jobs");
        waitForPath("/jobs?");
        assertThat(browser.getCurrentUrl()).contains("craft=gaffer").contains("craft=grip");
        assertThat(titles()).containsExactlyInAnyOrder("Lamp op for a night exterior", "Dolly and track day");
        // What was chosen is still chosen, and the words are still in the box.
        assertThat(craft("gaffer").isSelected()).isTrue();
        assertThat(craft("grip").isSelected()).isTrue();
        assertThat(craft("editor").isSelected()).isFalse();
        assertThat(find("#q").getAttribute("value")).isEqualTo(marker);
        // Keyboard: a chip is a checkbox, reached with Tab and ticked with Space.
        craft("grip").sendKeys(" ");
        assertThat(craft("grip").isSelected()).isFalse();
    }

    @Test
    void onAPhoneTheFiltersFoldAwaySoTheResultsAreOnTheFirstScreen() {
        browser.manage().window().setSize(new Dimension(390, 844));
        open("/jobs?q=" + marker);
        assertThat(((Number) script("return window.innerWidth")).intValue()).isEqualTo(390);
        WebElement fold = find(".filters-fold");
        assertThat(fold.getAttribute("open")).isNull();
        assertThat(craft("gaffer").isDisplayed()).isFalse();
        // The first listing starts within the first screen, and nothing is wider than the phone.
        long screen = ((Number) script("return window.innerHeight")).longValue();
        long firstCard =
                ((Number) script("return document.querySelector('.job-card').getBoundingClientRect().top")).longValue();
        assertThat(firstCard).isLessThan(screen - 100);
        assertThat(((Number) script("return document.documentElement.scrollWidth")).intValue())
                .isLessThanOrEqualTo(390);

        // Opened, the filters work as on a wide screen and fold again with the results.
        click(".filters-fold__summary");
        click(".chip-check:has(input[value=editor])");
        clickText("Search jobs");
        waitForPath("/jobs?");
        assertThat(titles()).containsExactly("Assembly edit, two weeks");
        assertThat(find(".filters-fold").getAttribute("open")).isNull();
        assertThat(text(".filters-fold__count")).isEqualTo("1 filter on");
        assertThat(craft("editor").isSelected()).isTrue();
        firstCard =
                ((Number) script("return document.querySelector('.job-card').getBoundingClientRect().top")).longValue();
        assertThat(firstCard).isLessThan(screen - 100);
    }
}
