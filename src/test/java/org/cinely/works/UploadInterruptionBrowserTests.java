package org.cinely.works;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.cinely.platform.security.CurrentMember;
import org.cinely.test.BrowserTestSupport;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Issue 17 on the upload page: leaving mid-upload warns first; an interrupted upload says how far
 * it got and which file to choose, and choosing it resumes from the server's offset; "Uploading
 * needs JavaScript" only shows without JavaScript; once the upload completes the page shows the
 * transcode by itself, the file field gone, without a reload.
 */
@CinelyIntegrationTest
class UploadInterruptionBrowserTests extends BrowserTestSupport {

    static final String PASSWORD = "clapper-loader-slate-9";

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

    JavascriptExecutor js() {
        return (JavascriptExecutor) browser;
    }

    long newWork(String title) {
        CurrentMember member = WorksTestSupport.member(data.jdbc(), passwords.encode(PASSWORD));
        open("/login");
        type("#email", member.email());
        type("#password", PASSWORD);
        click("main form button[type=submit]");
        waitForExactPath("/");
        open("/works/new");
        type("#title", title);
        clickText("Save and upload the video");
        waitForPathMatching("/works/\\d+/edit");
        return Long.parseLong(browser.getCurrentUrl().replaceAll(".*/works/(\\d+)/edit.*", "$1"));
    }

    @Test
    void anInterruptedUploadWarnsBeforeLeavingSaysHowFarItGotAndResumesFromThere() throws Exception {
        long work = newWork("Long Take");
        // 12 MB: the first 8 MB chunk is 66 % of it.
        Path file = Files.createDirectories(Path.of("target", "test-clips")).resolve("interrupted-take.mov");
        byte[] bytes = new byte[12 * 1024 * 1024];
        new Random(17).nextBytes(bytes);
        Files.write(file, bytes);

        // "Needs JavaScript" is for browsers without it: here it is not shown.
        assertThat(find("#upload").getText()).doesNotContain("needs JavaScript");
        assertThat(browser.findElements(By.cssSelector("#upload noscript"))).hasSize(1);

        // The connection drops after the first chunk: the second PATCH never answers.
        js().executeScript("const real = window.fetch.bind(window); let patches = 0; window.fetchLog = [];"
                + "window.fetch = (url, options) => { window.fetchLog.push((options && options.method) + ' ' + url);"
                + "  if (options && options.method === 'PATCH' && ++patches >= 2) return new Promise(() => {});"
                + "  return real(url, options).then((r) => { window.fetchLog.push('-> ' + r.status); return r; },"
                + "    (e) => { window.fetchLog.push('!! ' + e); throw e; }); };");
        browser.findElement(By.id("video-file")).sendKeys(file.toAbsolutePath().toString());
        try {
            new WebDriverWait(browser, Duration.ofSeconds(60))
                    .until(driver -> js().executeScript(
                                            "return JSON.parse(localStorage.getItem('cinely-tus-progress:' + arguments[0]) || '{}')"
                                                    + ".percent",
                                            work)
                            != null);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(
                    "no progress kept; requests: " + js().executeScript("return window.fetchLog")
                            + ", status: " + text("#upload-status") + ", error: "
                            + browser.findElement(By.id("upload-error")).getText(),
                    e);
        }

        // Leaving now asks first.
        Object warned = js().executeScript("const event = new Event('beforeunload', {cancelable: true});"
                + "window.dispatchEvent(event); return event.defaultPrevented;");
        assertThat(warned).as("beforeunload is cancelled while uploading").isEqualTo(true);

        // The member leaves anyway (the tab is reloaded; the browser may ask, and is answered yes).
        browser.navigate().refresh();
        try {
            browser.switchTo().alert().accept();
        } catch (NoAlertPresentException noDialog) {
            // headless Chromium leaves without asking when the page had no user gesture
        }
        waitForPathMatching("/works/\\d+/edit");
        assertThat(text("#upload-status"))
                .isEqualTo("Upload interrupted at 66%. Choose the same file (interrupted-take.mov) to resume where it"
                        + " stopped.");
        assertThat(find("#video-file").isDisplayed()).isTrue();
        // Nothing uploads now: leaving is free.
        assertThat(js().executeScript("const event = new Event('beforeunload', {cancelable: true});"
                        + "window.dispatchEvent(event); return event.defaultPrevented;"))
                .isEqualTo(false);

        // The same file again: the client asks the server where it stopped and sends only the rest.
        js().executeScript(
                        "window.patchOffsets = []; const real = window.fetch;"
                                + "window.fetch = (url, options) => { if (options && options.method === 'PATCH')"
                                + "  window.patchOffsets.push(Number(options.headers['Upload-Offset'])); return real(url, options); };");
        browser.findElement(By.id("video-file")).sendKeys(file.toAbsolutePath().toString());
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver ->
                        !driver.findElement(By.id("upload-status")).getText().startsWith("Upload interrupted"));
        @SuppressWarnings("unchecked")
        List<Number> offsets = (List<Number>) new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
            Object sent = js().executeScript("return window.patchOffsets");
            return sent instanceof List<?> list && !list.isEmpty() ? list : null;
        });
        assertThat(offsets.get(0).longValue())
                .as("resumed from the first chunk's end")
                .isEqualTo(8L * 1024 * 1024);
        Long uploaded = data.jdbc()
                .queryForObject("select count(*) from media_assets where target = ?", Long.class, "work:" + work);
        assertThat(uploaded).as("one upload, resumed, not a second one").isEqualTo(1);
    }

    @Test
    void afterTheUploadThePageShowsTheTranscodeByItselfWithoutTheFileField() throws Exception {
        newWork("Dawn Patrol");
        String clip = WorksTestSupport.clip(640, 360).toAbsolutePath().toString();
        // Kept across a reload: the first moment the file field is gone, and whether the page was reloaded then.
        js().executeScript("window.sameDocument = true; const timer = setInterval(() => {"
                + " const chooser = document.getElementById('upload-choose');"
                + " if (chooser && chooser.hidden) {"
                + "   sessionStorage.setItem('processing', document.getElementById('upload-status').textContent);"
                + "   clearInterval(timer); } }, 10);");
        browser.findElement(By.id("video-file")).sendKeys(clip);
        String shown = new WebDriverWait(browser, Duration.ofSeconds(60))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> (String) js().executeScript("return sessionStorage.getItem('processing')"));
        assertThat(shown).isNotBlank().doesNotContain("interrupted");
        // Then it follows the transcode to the end by itself (a reload once ready is fine).
        new WebDriverWait(browser, Duration.ofSeconds(120))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver ->
                        driver.findElement(By.id("upload-status")).getText().contains("Ready to watch"));
        assertThat(browser.findElements(By.id("video-file"))).isEmpty();
    }
}
