package org.cinely.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.cinely.test.BrowserTestSupport;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

/** A newcomer signs up, follows the link in their mail, logs out and in again, and out. */
@CinelyIntegrationTest
class SignUpJourneyBrowserTests extends BrowserTestSupport {

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
    void signUpVerifyLogOutLogInLogOut() throws Exception {
        String email = TestData.uniqueEmail();
        String handle = TestData.uniqueHandle();
        String password = "steadicam-vest-harness-3";

        open("/");
        clickText("Sign up");
        waitForPath("/signup");

        // A first try with a weak password: the message sits beside the field, the rest is kept.
        type("#email", email);
        type("#displayName", "Amara Diallo");
        type("#handle", handle);
        type("#password", "password1234");
        clickText("Create my account");
        assertThat(text("#password-error")).contains("too common");
        assertThat(find("#email").getAttribute("value")).isEqualTo(email);
        assertThat(find("#handle").getAttribute("value")).isEqualTo(handle);

        type("#password", password);
        clickText("Create my account");
        waitForExactPath("/");
        // A newcomer is welcomed (not "welcomed back"), in one calm banner that says where the link went.
        assertThat(text("main h1")).isEqualTo("Welcome to Cinely, Amara Diallo");
        assertThat(browser.findElements(By.cssSelector(".notices > *"))).hasSize(1);
        assertThat(text(".flash--success")).contains("sent a link to " + email);
        // "New on Cinely" is about the others.
        assertThat(browser.findElements(By.cssSelector("aside a[href='/members/" + handle + "']")))
                .isEmpty();

        // A second browser already signed in as the newcomer (a phone, say) shows "unverified" ...
        WebDriver phone = newBrowser();
        try {
            phone.get("http://localhost:" + port + "/login");
            phone.findElement(By.id("email")).sendKeys(email);
            phone.findElement(By.id("password")).sendKeys(password);
            phone.findElement(By.cssSelector("main form button[type=submit]")).click();
            waitForPathMatching(phone, "/");
            assertThat(phone.findElements(By.cssSelector(".banner--warning"))).hasSize(1);

            // The link from the mail opens a page; the button confirms.
            open(data.latestLinkPath(email));
            clickText("Confirm my address");
            waitForExactPath("/");
            assertThat(text(".flash--success")).contains("your e-mail address is confirmed");
            assertThat(browser.findElements(By.cssSelector(".banner--warning"))).isEmpty();

            // ... and no longer once the address is confirmed, without logging in again.
            phone.navigate().refresh();
            assertThat(phone.findElements(By.cssSelector(".account-menu"))).hasSize(1);
            assertThat(phone.findElements(By.cssSelector(".banner--warning"))).isEmpty();
        } finally {
            phone.quit();
        }

        logOut();
        assertThat(text(".flash--info")).contains("logged out");

        clickText("Log in");
        waitForPath("/login");
        type("#email", email);
        type("#password", password);
        click("main form button[type=submit]");
        waitForExactPath("/");
        assertThat(text(".account-menu__name")).isEqualTo("Amara Diallo");
        assertThat(text("main h1")).isEqualTo("Welcome back, Amara Diallo");

        logOut();
        assertThat(browser.findElements(org.openqa.selenium.By.cssSelector(".account-menu")))
                .isEmpty();
    }

    private void logOut() {
        click(".account-menu summary");
        clickText("Log out");
        waitForPath("/?loggedOut");
    }
}
