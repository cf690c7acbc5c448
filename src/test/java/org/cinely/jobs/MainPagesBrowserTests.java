package org.cinely.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cinely.platform.security.CurrentMember;
import org.cinely.test.BrowserTestSupport;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.cinely.test.TestMembers;
import org.cinely.works.WorksTestAccess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.HasCdp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every main page, signed out, as a member and as an admin, at a 360 px phone and a 1440 px
 * desktop (dark, the default theme) and at 360 px in the light theme: nothing scrolls sideways ({@code scrollWidth <= innerWidth}), no table cuts columns
 * off, every radio and checkbox sits beside its label, and axe-core (vendored in {@code
 * src/test/resources/axe}, MPL-2.0) finds no accessibility violation. All problems of all
 * pages are gathered and reported together, each with its page and width. It lives with the jobs
 * tests because a listing with an applicant and a reel (the applicants page) needs their support.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
@CinelyIntegrationTest
class MainPagesBrowserTests extends BrowserTestSupport {

    /** A phone and a desktop in the default dark theme, and the phone again in the light one. */
    record View(int width, String scheme) {}

    static final List<View> VIEWS = List.of(new View(360, "dark"), new View(1440, "dark"), new View(360, "light"));

    /**
     * axe rules left out, each with its reason. None today: every rule applies to these pages. A
     * rule goes here only when it genuinely cannot apply, never to get a page green.
     */
    static final List<String> RULES_NOT_APPLICABLE = List.of();

    @Autowired
    TestData data;

    @Autowired
    MockMvc mvc;

    static String axeSource;

    @BeforeEach
    void mark() {
        data.mark();
        browser.manage().deleteAllCookies();
        // axe-core in every document from now on, before the page's own scripts (and beside its
        // Content-Security-Policy, which does not govern what the browser's debugger adds).
        ((HasCdp) browser).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", axeSource()));
    }

    @AfterEach
    void cleanUp() {
        viewport(1280);
        if (browser != null) {
            colourScheme("dark");
        }
        data.cleanUp();
    }

    @Test
    void everyMainPageFitsAPhoneAndHasNoAccessibilityViolations() throws Exception {
        JobsTestSupport support = new JobsTestSupport(mvc, data);
        CurrentMember poster = support.member("Rosa Ventura", true);
        CurrentMember applicant = support.member("Kofi Mensah-Oyelaran", true);
        CurrentMember admin = support.member("Ada Admin", true);
        data.jdbc()
                .update(
                        "update accounts set role = 'ADMIN' where id = ?",
                        admin.id().value());
        support.giveCraft(applicant, "gaffer");
        // A long title with long words: it must wrap between words, not overflow or break mid-word.
        new org.cinely.profiles.ProfilesTestData(data.jdbc())
                .credit(
                        new TestMembers.Member(
                                applicant.id().value(), applicant.handle(), applicant.email(), "Kofi", true),
                        "Harmattan: Chronicles of the Unremembered Transcontinental Cinematographers",
                        2021);
        long work = WorksTestAccess.readyPublicWork(mvc, applicant, WorksTestAccess.clip(640, 360));
        long job = support.postJob(poster);
        mvc.perform(post("/jobs/" + job + "/apply")
                        .with(csrf())
                        .with(JobsTestSupport.as(applicant))
                        .param("coverNote", "Night exteriors are my thing.")
                        .param("workIds", Long.toString(work)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/report/work/" + work)
                        .with(csrf())
                        .with(JobsTestSupport.as(poster))
                        .param("category", "SPAM")
                        .param("note", "Looks like an advert."))
                .andExpect(status().is3xxRedirection());
        long caseId = data.jdbc()
                .queryForObject(
                        "select id from moderation_cases where target_kind = 'WORK' and target_id = ?",
                        Long.class,
                        work);
        long application =
                data.jdbc().queryForObject("select id from job_applications where job_id = ?", Long.class, job);
        long credit = data.jdbc()
                .queryForObject(
                        "select id from profile_credits where member_id = ?",
                        Long.class,
                        applicant.id().value());

        System.out.println("main pages: set up, now visiting");
        List<String> problems = new ArrayList<>();

        Map<String, String> signedOut = new LinkedHashMap<>();
        signedOut.put("home", "/");
        signedOut.put("directory", "/members");
        signedOut.put("a profile", "/members/" + applicant.handle());
        signedOut.put("works", "/works");
        signedOut.put("a work", "/works/" + work);
        signedOut.put("job board", "/jobs");
        signedOut.put("a listing", "/jobs/" + job);
        signedOut.put("log-in", "/login");
        signedOut.put("sign-up", "/signup");
        visitAll("signed out", signedOut, problems);

        logIn(applicant.email());
        Map<String, String> member = new LinkedHashMap<>();
        member.put("home (feed)", "/");
        member.put("own profile", "/members/" + applicant.handle());
        member.put("profile editor", "/settings/profile");
        member.put("credit form", "/settings/profile/credits/" + credit);
        member.put("work form", "/works/new");
        member.put("work edit", "/works/" + work + "/edit");
        member.put("a work", "/works/" + work);
        member.put("my applications", "/jobs/applications");
        member.put("connections", "/connections");
        member.put("connection requests", "/connections/requests");
        member.put("notifications", "/notifications");
        member.put("settings", "/settings");
        member.put("notification settings", "/settings/notifications");
        member.put("change e-mail", "/settings/email");
        member.put("your data", "/settings/data");
        member.put("delete account", "/settings/delete");
        member.put("delete a work", "/works/" + work + "/delete");
        member.put("recently deleted works", "/works/trash");
        visitAll("member", member, problems);
        logOut();

        logIn(poster.email());
        Map<String, String> posterPages = new LinkedHashMap<>();
        posterPages.put("my jobs", "/jobs/mine");
        posterPages.put("job form", "/jobs/new");
        posterPages.put("applicants", "/jobs/" + job + "/applicants");
        posterPages.put("an applicant", "/jobs/" + job + "/applicants/" + application);
        posterPages.put("saved searches", "/jobs/saved-searches");
        posterPages.put("my reports", "/moderation/reports");
        visitAll("member (poster)", posterPages, problems);
        logOut();

        logIn(admin.email());
        Map<String, String> adminPages = new LinkedHashMap<>();
        adminPages.put("admin dashboard", "/admin");
        adminPages.put("reports queue", "/admin/reports");
        adminPages.put("a case", "/admin/reports/" + caseId);
        adminPages.put("audit log", "/admin/audit");
        adminPages.put("members", "/admin/members");
        adminPages.put("a member", "/admin/members/" + applicant.id().value());
        adminPages.put("appeals", "/admin/appeals");
        visitAll("admin", adminPages, problems);

        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    private void visitAll(String who, Map<String, String> pages, List<String> problems) {
        for (View view : VIEWS) {
            int width = view.width();
            viewport(width);
            colourScheme(view.scheme());
            pages.forEach((name, path) -> {
                long started = System.nanoTime();
                open(path);
                String page = name + " (" + who + ", " + path + ", " + width + " px, " + view.scheme() + ")";
                JavascriptExecutor js = (JavascriptExecutor) browser;
                String current = browser.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
                if (!current.equals(path)) {
                    problems.add(page + ": ended up at " + current);
                    return;
                }
                @SuppressWarnings("unchecked")
                List<Number> sizes = (List<Number>)
                        js.executeScript("return [document.documentElement.scrollWidth, window.innerWidth]");
                if (sizes.get(1).intValue() != width) {
                    problems.add(page + ": the viewport is " + sizes.get(1) + " px wide, not " + width);
                }
                if (sizes.get(0).intValue() > sizes.get(1).intValue()) {
                    problems.add(page + ": scrolls sideways, scrollWidth " + sizes.get(0) + " > innerWidth "
                            + sizes.get(1) + "; widest: " + js.executeScript(WIDEST));
                }
                @SuppressWarnings("unchecked")
                List<String> apart = (List<String>) js.executeScript(CONTROLS_APART);
                for (String control : apart) {
                    problems.add(page + ": a radio or checkbox sits apart from its label: " + control);
                }
                @SuppressWarnings("unchecked")
                List<String> cut = (List<String>) js.executeScript(TABLES_CUT);
                for (String table : cut) {
                    problems.add(page + ": a table cuts columns off (scrolls inside itself): " + table);
                }
                @SuppressWarnings("unchecked")
                List<String> broken = (List<String>) js.executeScript(WORDS_BROKEN);
                for (String title : broken) {
                    problems.add(page + ": a title breaks a word that would fit the page: " + title);
                }
                for (String violation : axe()) {
                    problems.add(page + ": axe " + violation);
                }
                System.out.printf("checked %s in %d ms%n", page, (System.nanoTime() - started) / 1_000_000);
            });
        }
    }

    /** The elements that stick out on the right, to name in the failure. */
    private static final String WIDEST = "const w = window.innerWidth; return [...document.querySelectorAll('body *')]"
            + ".filter(e => e.getBoundingClientRect().right > w + 1)"
            + ".slice(-5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).trim()"
            + ".replace(/\\s+/g, '.') : '') + ' (right ' + Math.round(e.getBoundingClientRect().right) + ')')"
            + ".join(', ')";

    /**
     * Radios and checkboxes whose label text does not follow them on the same line (the work
     * form's visibility radios once sat on a line of their own, a full width apart from the text).
     */
    private static final String CONTROLS_APART = """
            return [...document.querySelectorAll('label.radio, label.checkbox')].flatMap(label => {
              const input = label.querySelector('input');
              const a = input && input.getBoundingClientRect();
              if (!a || a.width === 0) return [];
              const nodes = [...label.childNodes];
              const text = nodes.slice(nodes.indexOf(input) + 1).find(n => n.textContent.trim());
              if (!text) return [];
              let b;
              if (text.nodeType === Node.TEXT_NODE) {
                const range = document.createRange();
                range.selectNodeContents(text);
                b = range.getClientRects()[0];
              } else {
                b = text.getClientRects()[0];
              }
              if (!b) return [];
              const gap = b.left - a.right;
              const sameLine = a.top < b.top + 24 && a.bottom > b.top;
              return a.width <= 32 && gap >= 0 && gap <= 24 && sameLine ? [] : [label.textContent.trim().replace(/\\s+/g, ' ')
                  + ' (gap ' + Math.round(gap) + ' px, control at y ' + Math.round(a.top) + ', text at y '
                  + Math.round(b.top) + ')'];
            });
            """;

    /**
     * Titles squeezed narrower than one of their words, which then breaks mid-word although the
     * page has room for it (credit titles did, beside their buttons on a phone). A word wider than
     * the page itself may break; that is what overflow-wrap is for.
     */
    private static final String WORDS_BROKEN = """
            const room = document.documentElement.clientWidth - 48;
            const probe = document.createElement('span');
            probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap';
            document.body.append(probe);
            const found = [...document.querySelectorAll(
                '.credit__title, .work-card__title, .job-card__title, .member-card__name, main h1, main h2')]
              .filter(t => t.getClientRects().length > 0)
              .flatMap(t => {
                const style = getComputedStyle(t);
                probe.style.font = style.font;
                probe.style.letterSpacing = style.letterSpacing;
                const width = t.getBoundingClientRect().width;
                // Hyphens and dashes are places to break, as spaces are.
                return t.textContent.trim().split(/[\\s\\u2010-\\u2014-]+/).filter(word => {
                  probe.textContent = word;
                  const w = probe.getBoundingClientRect().width;
                  return w <= room && w > width + 0.5;
                }).map(word => '"' + word + '" in "' + t.textContent.trim().slice(0, 60) + '" ('
                    + Math.round(width) + ' px wide)');
              });
            probe.remove();
            return found;
            """;

    /** Tables whose container scrolls sideways: columns cut off, with nothing to say so. */
    private static final String TABLES_CUT = """
            return [...document.querySelectorAll('.table-scroll')]
              .filter(t => t.scrollWidth > t.clientWidth + 1)
              .map(t => (t.getAttribute('aria-label') || 'table') + ' (' + t.scrollWidth + ' > ' + t.clientWidth + ' px)');
            """;

    /** axe-core on the page as it is: each violation as "id (impact) on targets: summary". */
    @SuppressWarnings("unchecked")
    private List<String> axe() {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        if (js.executeScript("return typeof window.axe") instanceof String type && !type.equals("object")) {
            // Injected through the driver, which the page's Content-Security-Policy does not govern.
            js.executeScript(axeSource() + "\n;window.axe = axe;");
        }
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const options = {resultTypes: ['violations']};
                const skip = arguments[0];
                if (skip.length) options.rules = Object.fromEntries(skip.map(id => [id, {enabled: false}]));
                window.axe.run(document, options).then(r => done(r.violations.map(v =>
                    v.id + ' (' + v.impact + ') on ' + v.nodes.map(n => n.target.join(' ')).join(' | ')
                    + ': ' + v.help)), e => done(['axe failed: ' + e]));
                """, RULES_NOT_APPLICABLE);
        return (List<String>) result;
    }

    private static synchronized String axeSource() {
        if (axeSource == null) {
            try (InputStream in = MainPagesBrowserTests.class.getResourceAsStream("/axe/axe.min.js")) {
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return axeSource;
    }

    /** A viewport of exactly this many CSS pixels, as a phone or a desktop window has. */
    private void viewport(int width) {
        if (browser == null) {
            return;
        }
        ((HasCdp) browser)
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", false));
    }

    /** The theme the system asks for (prefers-color-scheme): dark is the default, light follows it. */
    private void colourScheme(String scheme) {
        ((HasCdp) browser)
                .executeCdpCommand(
                        "Emulation.setEmulatedMedia",
                        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    private void logIn(String email) {
        viewport(1280);
        open("/login");
        type("#email", email);
        type("#password", JobsTestSupport.PASSWORD);
        click("main form button[type=submit]");
        waitForExactPath("/");
    }

    private void logOut() {
        browser.manage().deleteAllCookies();
    }
}
