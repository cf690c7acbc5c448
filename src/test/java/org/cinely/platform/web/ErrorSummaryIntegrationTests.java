package org.cinely.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.HttpTestClient;
import org.cinely.test.TestData;
import org.cinely.test.TestMembers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * Issue 17: every form that can show errors shows one summary at the top (the GOV.UK pattern):
 * a "There is a problem" heading, announced (role=alert) and focusable, each problem a link to
 * its field, and the field marked aria-invalid and described by its message. One test scans the
 * templates (a form added later without the summary fails here); the others send real forms with
 * mistakes and follow every link of the summary to its field.
 */
@CinelyIntegrationTest
class ErrorSummaryIntegrationTests {

    static final Path TEMPLATES = Path.of("src", "main", "resources", "templates");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    PasswordEncoder encoder;

    @LocalServerPort
    int port;

    TestMembers members;

    @BeforeEach
    void mark() {
        data.mark();
        members = new TestMembers(data.jdbc(), encoder);
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    @Test
    void everyTemplateThatCanShowAFieldErrorIncludesTheSummary() throws IOException {
        List<String> missing = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String name = TEMPLATES.relativize(file).toString();
                if (name.equals("fragments/forms.html")) {
                    continue; // where the summary and the field fragments are defined
                }
                String html = Files.readString(file);
                boolean showsErrors = html.contains("th:errors")
                        || html.contains(":: text-field(")
                        || html.contains(":: password-field(")
                        || html.contains("hasErrors(")
                        || html.contains("${problem");
                if (!showsErrors) {
                    continue;
                }
                checked.add(name);
                if (!html.contains("fragments/forms :: error-summary") && !html.contains("class=\"error-summary")) {
                    missing.add(name);
                }
            }
        }
        assertThat(checked)
                .as("the forms this test knows of")
                .contains(
                        "accounts/signup.html",
                        "accounts/login.html",
                        "accounts/settings.html",
                        "profiles/edit.html",
                        "profiles/credit-fields.html",
                        "works/form.html",
                        "works/detail.html",
                        "jobs/form.html",
                        "jobs/detail.html",
                        "moderation/report.html",
                        "moderation/decision.html",
                        "fragments/admin.html");
        assertThat(missing)
                .as("templates with form errors but no error summary")
                .isEmpty();
    }

    /** The summary is there, says so, and each of its links leads to a field marked as invalid. */
    static Document assertSummaryLinksToFields(String html, String... expectedTargets) {
        Document page = Jsoup.parse(html);
        Element summary = page.selectFirst(".error-summary");
        assertThat(summary).as("error summary in\n" + html).isNotNull();
        assertThat(summary.attr("role")).isEqualTo("alert");
        assertThat(summary.attr("tabindex")).isEqualTo("-1");
        assertThat(summary.hasAttr("data-error-summary"))
                .as("focused on load by cinely.js")
                .isTrue();
        assertThat(summary.selectFirst("h2").text()).isEqualTo("There is a problem");
        List<String> targets = new ArrayList<>();
        for (Element link : summary.select("a[href^=#]")) {
            String id = link.attr("href").substring(1);
            targets.add(id);
            assertThat(link.text()).as("the message of " + id).isNotBlank();
            Element target = page.getElementById(id);
            assertThat(target).as("the field the summary links to: #" + id).isNotNull();
            Element control = target.is("input, select, textarea")
                    ? target
                    : target.selectFirst("input:not([type=hidden]), select, textarea");
            assertThat(control).as("a control at #" + id).isNotNull();
            if (!control.is("[type=radio], [type=checkbox]")) {
                assertThat(control.attr("aria-invalid"))
                        .as("aria-invalid of #" + id)
                        .isEqualTo("true");
                assertThat(control.attr("aria-describedby"))
                        .as("aria-describedby of #" + id)
                        .isNotBlank();
                for (String described : control.attr("aria-describedby").split("\\s+")) {
                    assertThat(page.getElementById(described))
                            .as("#" + described)
                            .isNotNull();
                }
            }
        }
        assertThat(targets).contains(expectedTargets);
        return page;
    }

    String html(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getContentAsString();
    }

    @Test
    void signUpWithMistakes() throws Exception {
        String html = html(post("/signup")
                .with(csrf())
                .param("email", "not-an-email")
                .param("displayName", "")
                .param("handle", "x")
                .param("password", "short"));
        assertSummaryLinksToFields(html, "email", "password");
    }

    @Test
    void logInWithAWrongPassword() {
        TestMembers.Member member = members.create("Lou Login");
        HttpTestClient client = new HttpTestClient(port);
        var answer = client.submit(
                "/login", "/login", java.util.Map.of("email", member.email(), "password", "not-the-password"));
        assertThat(answer.statusCode())
                .as("a failed log-in shows the form again")
                .isEqualTo(200);
        assertSummaryLinksToFields(answer.body(), "email");
    }

    @Test
    void aWorkWithAnUnknownCreditAndNoTitle() throws Exception {
        TestMembers.Member member = members.create("Wes Work");
        String html = html(post("/works")
                .with(csrf())
                .with(user(member.principal()))
                .param("title", "")
                .param("type", "SHORT")
                .param("year", "next year")
                .param("credits", "@nobody-by-this-handle editor")
                .param("visibility", "PUBLIC"));
        assertSummaryLinksToFields(html, "title", "credits");
    }

    @Test
    void aJobPostingWithNothingFilledIn() throws Exception {
        TestMembers.Member member = members.create("Jo Jobs");
        String html = html(post("/jobs/new")
                .with(csrf())
                .with(user(member.principal()))
                .param("title", "")
                .param("description", "")
                .param("compensation", "PAID")
                .param("payAmount", "a lot"));
        assertSummaryLinksToFields(html, "title", "crafts");
    }

    @Test
    void aReportWithoutACategory() throws Exception {
        TestMembers.Member reported = members.create("Rae Reported");
        TestMembers.Member reporter = members.create("Rex Reporter");
        String html = html(post("/report/profile/" + reported.id())
                .with(csrf())
                .with(user(reporter.principal()))
                .param("note", "x".repeat(1001)));
        assertSummaryLinksToFields(html, "category");
    }

    @Test
    void aCreditAndAPasswordChangeWithMistakes() throws Exception {
        TestMembers.Member member = members.create("Cy Credit");
        String credit = html(post("/settings/profile/credits")
                .with(csrf())
                .with(user(member.principal()))
                .param("title", "")
                .param("year", "1066")
                .param("productionType", "")
                .param("role", "")
                .param("workLink", "javascript:alert(1)"));
        assertSummaryLinksToFields(credit, "title", "workLink");
        String password = html(post("/settings/password")
                .with(csrf())
                .with(user(member.principal()))
                .param("currentPassword", "wrong")
                .param("newPassword", "x")
                .param("newPasswordConfirmation", "y"));
        assertSummaryLinksToFields(password, "currentPassword");
    }
}
