package org.cinely.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.cinely.test.BrowserTestSupport;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.cinely.test.TestMembers;
import org.cinely.test.TestMembers.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * On a 360 px phone, a member deletes their account (a wrong password first), is logged out, logs
 * in again within the grace period, and cancels: their profile is back.
 */
@CinelyIntegrationTest
class AccountDeletionBrowserTests extends BrowserTestSupport {

    @Autowired
    TestData data;

    @Autowired
    PasswordEncoder encoder;

    Member maya;

    @BeforeEach
    void mark() {
        data.mark();
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(360, 800));
        maya = new TestMembers(data.jdbc(), encoder).create("Maya Okafor");
    }

    @AfterEach
    void cleanUp() {
        browser.manage().window().setSize(new Dimension(1280, 900));
        data.cleanUp();
    }

    @Test
    void deleteThenLogInAgainAndCancelOnAPhone() {
        logIn();
        // Every page of "your data" fits the phone.
        for (String path : new String[] {"/settings/email", "/settings/data"}) {
            open(path);
            assertFitsThePhone();
        }
        open("/settings");
        assertFitsThePhone();
        clickText("Delete my account");
        waitForPath("/settings/delete");
        assertFitsThePhone();
        assertThat(text("main")).contains("14 days");

        type("#password", "not-my-password-at-all");
        clickText("Delete my account");
        assertThat(text("#password-error")).isEqualTo("That isn’t your current password.");
        assertThat(find("#password").getAttribute("value")).isEmpty();
        assertFitsThePhone();

        type("#password", TestMembers.PASSWORD);
        click("main form button[type=submit]");
        waitForPath("/login");
        assertThat(text(".flash--info")).contains("will be deleted on");
        open("/members/" + maya.handle());
        assertThat(text("h1")).doesNotContain("Maya Okafor");

        logIn();
        waitForExactPath("/settings/delete");
        assertFitsThePhone();
        assertThat(text("h1")).isEqualTo("Your account is being deleted");
        clickText("Cancel the deletion and keep my account");
        waitForExactPath("/settings");
        assertThat(text(".flash--success")).contains("Welcome back");

        open("/members/" + maya.handle());
        assertThat(text("h1")).contains("Maya Okafor");
    }

    private void logIn() {
        open("/login");
        type("#email", maya.email());
        type("#password", TestMembers.PASSWORD);
        click("main form button[type=submit]");
        waitForPathMatching("^/(settings/delete)?$");
    }

    private void assertFitsThePhone() {
        long width = ((Number) ((JavascriptExecutor) browser).executeScript("return window.innerWidth")).longValue();
        long scroll = ((Number)
                        ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth"))
                .longValue();
        assertThat(width).isEqualTo(360);
        assertThat(scroll).as("no horizontal scroll at 360 px").isLessThanOrEqualTo(360);
    }
}
