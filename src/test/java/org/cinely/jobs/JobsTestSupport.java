package org.cinely.jobs;

import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.cinely.accounts.AccountsTestData;
import org.cinely.platform.security.CurrentMember;
import org.cinely.profiles.ProfilesTestData;
import org.cinely.test.TestData;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Members and listings for the jobs tests, made through the real pages. */
class JobsTestSupport {

    static final String PASSWORD = "velvet-dolly-grip-1984";

    private final MockMvc mvc;
    private final TestData data;

    JobsTestSupport(MockMvc mvc, TestData data) {
        this.mvc = mvc;
        this.data = data;
    }

    /** Signs a member up through /signup and, if asked, confirms their e-mail. */
    CurrentMember member(String name, boolean verified) throws Exception {
        String email = TestData.uniqueEmail();
        String handle = TestData.uniqueHandle();
        mvc.perform(post("/signup")
                .with(csrf())
                .param("email", email)
                .param("displayName", name)
                .param("handle", handle)
                .param("password", PASSWORD));
        Long id = data.jdbc().queryForObject("select id from accounts where email = ?", Long.class, email);
        if (verified) {
            new AccountsTestData(data.jdbc()).verify(id);
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> data.jdbc()
                                .queryForObject("select count(*) from profiles where member_id = ?", Integer.class, id)
                        == 1);
        return new CurrentMember(id, email, handle, name, "", "MEMBER", verified, true, false);
    }

    /** Gives a member's profile a craft (as the profile page would). */
    void giveCraft(CurrentMember member, String craftSlug) {
        new ProfilesTestData(data.jdbc()).addCraft(member.id().value(), craftSlug);
    }

    static RequestPostProcessor as(CurrentMember member) {
        return user(member);
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** A complete, valid listing; tests override single fields. */
    static Map<String, String> validJob() {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("title", "Gaffer for a five-day night shoot");
        fields.put("crafts", "gaffer");
        fields.put("productionTitle", "The Long Dark");
        fields.put("productionType", "FEATURE");
        fields.put("company", "Northlight Pictures");
        fields.put("city", "Lisbon");
        fields.put("country", "Portugal");
        fields.put("startDate", today().plusDays(20).toString());
        fields.put("endDate", today().plusDays(25).toString());
        fields.put("compensation", "PAID");
        fields.put("payAmount", "450");
        fields.put("payUnit", "DAY");
        fields.put("payCurrency", "EUR");
        fields.put("unionStatus", "EITHER");
        fields.put("description", "Night exteriors on the river. Tungsten package. Details: https://example.org/call");
        fields.put("wantsReel", "false");
        fields.put("wantsCredits", "true");
        fields.put("wantsCoverNote", "true");
        fields.put("applicationDeadline", today().plusDays(10).toString());
        fields.put("runsForDays", "30");
        return fields;
    }

    static MockHttpServletRequestBuilder postJob(Map<String, String> fields) {
        return form(post("/jobs/new"), fields);
    }

    static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, Map<String, String> fields) {
        request.with(csrf());
        fields.forEach((name, value) -> {
            if (value != null) {
                for (String part : name.equals("crafts") ? value.split(",") : new String[] {value}) {
                    request.param(name, part);
                }
            }
        });
        return request;
    }

    /** Posts a valid listing (with changes) and returns its id. */
    long postJob(CurrentMember poster, Map<String, String> changes) throws Exception {
        Map<String, String> fields = validJob();
        fields.putAll(changes);
        MvcResult result = mvc.perform(postJob(fields).with(as(poster))).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        if (location == null || !location.matches("/jobs/\\d+")) {
            throw new AssertionError("Posting failed: " + result.getResponse().getContentAsString());
        }
        return Long.parseLong(location.substring("/jobs/".length()));
    }

    long postJob(CurrentMember poster) throws Exception {
        return postJob(poster, Map.of());
    }

    static Document page(MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
