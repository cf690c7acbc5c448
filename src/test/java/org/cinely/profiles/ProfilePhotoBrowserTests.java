package org.cinely.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cinely.test.BrowserTestSupport;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.cinely.test.TestMembers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Issue 17: uploading a profile photo threw away the details typed in the other form. Now the
 * photo is saved without leaving the page, and what was typed is still there to save.
 */
@CinelyIntegrationTest
class ProfilePhotoBrowserTests extends BrowserTestSupport {

    @Autowired
    TestData data;

    @Autowired
    PasswordEncoder encoder;

    @BeforeEach
    void mark() {
        data.mark();
        browser.manage().deleteAllCookies();
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    /** Clicks a button after bringing it to the middle of the window (the sticky header covers the top). */
    void press(String css) {
        org.openqa.selenium.WebElement button = find(css);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
    }

    @Test
    void choosingAPhotoKeepsTheDetailsTypedButNotYetSaved() throws Exception {
        TestMembers.Member member = new TestMembers(data.jdbc(), encoder).create("Pia Photo");
        Path photo = Files.createDirectories(Path.of("target", "test-photos")).resolve("pia.png");
        Files.write(photo, AvatarIntegrationTests.png(400, 300));

        open("/login");
        type("#email", member.email());
        type("#password", TestMembers.PASSWORD);
        click("main form button[type=submit]");
        waitForExactPath("/");

        open("/settings/profile");
        // The page is marked so that a reload (which would lose what is typed) shows.
        ((JavascriptExecutor) browser).executeScript("window.sameDocument = true");
        type("#headline", "Steadicam operator, ten years of long takes");
        type("#city", "Porto");
        browser.findElement(By.id("avatar-file"))
                .sendKeys(photo.toAbsolutePath().toString());
        press("[data-avatar-upload]");

        wait.until(driver -> driver.findElements(By.cssSelector("#avatar img[data-avatar-image]"))
                        .size()
                == 1);
        assertThat(text("[data-avatar-status]")).isEqualTo("Your new photo is up.");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.sameDocument"))
                .as("the page was not left")
                .isEqualTo(true);
        assertThat(find("#headline").getDomProperty("value")).isEqualTo("Steadicam operator, ten years of long takes");
        assertThat(find("#city").getDomProperty("value")).isEqualTo("Porto");
        assertThat(data.jdbc()
                        .queryForObject(
                                "select count(*) from profile_avatars where member_id = ?", Integer.class, member.id()))
                .isEqualTo(1);

        // And the details are saved as typed.
        press("input[name=crafts][value=camera-operator]");
        press("#profile-form button[type=submit]:not([form])");
        waitForExactPath("/settings/profile");
        assertThat(find(".flash--success").getText()).isNotBlank();
        assertThat(find("#headline").getDomProperty("value")).isEqualTo("Steadicam operator, ten years of long takes");
        assertThat(browser.findElements(By.cssSelector("#avatar img[data-avatar-image]")))
                .hasSize(1);
    }

    @Test
    void aPictureTheServerRefusesLeavesTheTypedDetailsAndSaysWhy() throws Exception {
        TestMembers.Member member = new TestMembers(data.jdbc(), encoder).create("Pia Photo");
        Path notAPicture =
                Files.createDirectories(Path.of("target", "test-photos")).resolve("notes.png");
        Files.writeString(notAPicture, "these are my notes, not a picture");

        open("/login");
        type("#email", member.email());
        type("#password", TestMembers.PASSWORD);
        click("main form button[type=submit]");
        waitForExactPath("/");

        open("/settings/profile");
        type("#headline", "Boom operator");
        browser.findElement(By.id("avatar-file"))
                .sendKeys(notAPicture.toAbsolutePath().toString());
        press("[data-avatar-upload]");

        wait.until(
                driver -> !driver.findElement(By.id("avatar-error")).getText().isBlank());
        assertThat(text("#avatar-error")).contains("isn’t a picture we can read");
        assertThat(find("#avatar-file").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(find("#headline").getDomProperty("value")).isEqualTo("Boom operator");
    }
}
