package org.cinely.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cinely.accounts.AccountsApi;
import org.cinely.accounts.MemberRenamed;
import org.cinely.platform.MemberId;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.HttpTestClient;
import org.cinely.test.TestData;
import org.cinely.test.TestMembers;
import org.cinely.test.TestMembers.Member;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.validation.MapBindingResult;

/**
 * Changing one's display name and handle on /settings/profile: accounts checks and keeps
 * them, the profile follows, the header shows the new name at once, and the old address leads to
 * the new one until someone else takes it.
 */
@CinelyIntegrationTest
@RecordApplicationEvents
class ProfileRenameIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    ApplicationEvents events;

    @Autowired
    AccountsApi accounts;

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

    /** The profile form as the member would send it, with a new name and handle. */
    static MockHttpServletRequestBuilder rename(Member member, String displayName, String handle) {
        return post("/settings/profile")
                .with(csrf())
                .with(user(member.principal()))
                .param("displayName", displayName)
                .param("handle", handle)
                .param("headline", "Gaffer")
                .param("crafts", "gaffer")
                .param("visibility", "PUBLIC");
    }

    static String newHandle() {
        return TestData.uniqueHandle();
    }

    String column(String table, String column, Member member) {
        String key = table.equals("accounts") ? "id" : "member_id";
        return data.jdbc()
                .queryForObject(
                        "select " + column + " from " + table + " where " + key + " = ?", String.class, member.id());
    }

    Document page(String path, Member viewer) throws Exception {
        var request = get(path);
        if (viewer != null) {
            request.with(user(viewer.principal()));
        }
        return Jsoup.parse(mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    @Test
    void theMemberIsAtTheNewHandleAndTheOldAddressLeadsThere() throws Exception {
        Member sam = members.create("Sam Whitfield");
        String renamed = newHandle();

        mvc.perform(rename(sam, "  Samantha Whitfield ", "  " + renamed.toUpperCase() + " "))
                .andExpect(redirectedUrl("/settings/profile"))
                .andExpect(result -> assertThat(flashKey(result)).isEqualTo("profile.saved.new-handle"));

        // Accounts owns name and handle (trimmed, the handle lower-cased as at sign-up); the profile follows.
        assertThat(column("accounts", "display_name", sam)).isEqualTo("Samantha Whitfield");
        assertThat(column("accounts", "handle", sam)).isEqualTo(renamed);
        assertThat(column("profiles", "display_name", sam)).isEqualTo("Samantha Whitfield");
        assertThat(column("profiles", "handle", sam)).isEqualTo(renamed);
        assertThat(events.stream(MemberRenamed.class))
                .containsExactly(new MemberRenamed(MemberId.of(sam.id()), sam.handle(), renamed, "Samantha Whitfield"));

        Document profile = page("/members/" + renamed, null);
        assertThat(profile.select("h1").text()).isEqualTo("Samantha Whitfield");
        assertThat(profile.select(".profile-header .muted").first().text()).isEqualTo("@" + renamed);
        // A shared link to the old address still reaches the member (302: the handle may be taken later).
        mvc.perform(get("/members/" + sam.handle()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/members/" + renamed));
        mvc.perform(get("/members/" + sam.handle().toUpperCase())).andExpect(redirectedUrl("/members/" + renamed));
        // The directory finds the new name.
        assertThat(page("/members?q=Samantha", null)
                        .select(".member-card__name")
                        .eachText())
                .contains("Samantha Whitfield");
        // The form shows what is stored now.
        Document form = page("/settings/profile", sam);
        assertThat(form.select("#displayName").val()).isEqualTo("Samantha Whitfield");
        assertThat(form.select("#handle").val()).isEqualTo(renamed);
    }

    @Test
    void theHeaderAndSettingsShowTheNewNameRightAfterSavingOnThisDeviceAndTheOthers() {
        Member sam = members.create("Sam Whitfield");
        members.describe(sam, "Gaffer", "Berlin", "Germany", "gaffer");
        HttpTestClient laptop = new HttpTestClient(port);
        HttpTestClient phone = new HttpTestClient(port);
        laptop.logIn(sam.email(), TestMembers.PASSWORD);
        phone.logIn(sam.email(), TestMembers.PASSWORD);
        assertThat(header(phone.get("/"))).isEqualTo("Sam Whitfield");

        String renamed = newHandle();
        Map<String, String> fields = formFields(laptop.get("/settings/profile").body());
        fields.put("displayName", "Samantha Whitfield");
        fields.put("handle", renamed);
        HttpResponse<String> saved = laptop.post("/settings/profile", fields);
        assertThat(saved.statusCode()).isEqualTo(302);

        // The page after the redirect: the new name in the header, "My profile" at the new address.
        Document after = Jsoup.parse(laptop.get("/settings/profile").body());
        assertThat(after.select(".account-menu__name").text()).isEqualTo("Samantha Whitfield");
        assertThat(after.select(".account-menu__panel a").first().attr("href")).isEqualTo("/members/" + renamed);
        assertThat(after.select(".flash").text())
                .isEqualTo("Your profile is saved. Your address is now /members/" + renamed + "; links to /members/"
                        + sam.handle() + " lead here until someone else takes that handle.");
        Document settings = Jsoup.parse(laptop.get("/settings").body());
        assertThat(settings.select(".facts dd").eachText()).contains("Samantha Whitfield", "@" + renamed);

        // The member's other device, signed in before the change, shows it too.
        Document elsewhere = Jsoup.parse(phone.get("/").body());
        assertThat(elsewhere.select(".account-menu__name").text()).isEqualTo("Samantha Whitfield");
        assertThat(elsewhere.select(".account-menu__panel a").first().attr("href"))
                .isEqualTo("/members/" + renamed);
        // ...and stays signed in, with the same rights.
        assertThat(phone.get("/settings/profile").statusCode()).isEqualTo(200);
    }

    @Test
    void badNamesAndHandlesGetMessagesBesideTheFieldsKeepWhatWasTypedAndChangeNothing() throws Exception {
        Member sam = members.create("Sam Whitfield");
        record Case(String displayName, String handle, String field, String message) {}
        List<Case> cases = List.of(
                new Case("x".repeat(81), sam.handle(), "displayName", "That name is too long (80 characters at most)."),
                new Case("   ", sam.handle(), "displayName", "Enter your name."),
                new Case(
                        "Sam\u0007",
                        sam.handle(),
                        "displayName",
                        "Remove the invisible control characters from your name."),
                new Case("Sam", "h".repeat(31), "handle", "A handle can have 30 characters at most."),
                new Case("Sam", "ab", "handle", "A handle needs at least 3 characters."),
                new Case(
                        "Sam",
                        "sam whitfield!",
                        "handle",
                        "Use only lower-case letters, digits and hyphens, not" + " starting or ending with a hyphen."),
                new Case(
                        "Sam",
                        "-sam",
                        "handle",
                        "Use only lower-case letters, digits and hyphens, not starting or" + " ending with a hyphen."),
                new Case("Sam", "Settings", "handle", "That handle is reserved. Please choose another."));
        for (Case bad : cases) {
            Document form = Jsoup.parse(mvc.perform(rename(sam, bad.displayName(), bad.handle()))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString());
            assertThat(form.select("#" + bad.field() + "-error").text())
                    .as(bad.toString())
                    .isEqualTo(bad.message());
            assertThat(form.select("#displayName").val()).isEqualTo(bad.displayName());
            assertThat(form.select("#handle").val()).isEqualTo(bad.handle());
        }
        assertThat(column("accounts", "display_name", sam)).isEqualTo("Sam Whitfield");
        assertThat(column("accounts", "handle", sam)).isEqualTo(sam.handle());
        assertThat(column("profiles", "handle", sam)).isEqualTo(sam.handle());
        assertThat(events.stream(MemberRenamed.class)).isEmpty();
    }

    @Test
    void nameHandleAndProfileProblemsShowTogetherAndNothingIsSaved() throws Exception {
        Member sam = members.create("Sam Whitfield");
        Document form = Jsoup.parse(mvc.perform(rename(sam, "", "x").with(request -> {
                    request.setParameter("headline", "h".repeat(121));
                    return request;
                }))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(form.select(".field__error").eachText())
                .containsExactlyInAnyOrder(
                        "Enter your name.",
                        "A handle needs at least 3 characters.",
                        "Keep the headline to 120 characters or fewer.");

        // A valid new handle with a profile problem: the rename waits for the whole form.
        mvc.perform(rename(sam, "Samantha", newHandle()).with(request -> {
                    request.setParameter("headline", "h".repeat(121));
                    return request;
                }))
                .andExpect(status().isOk());
        assertThat(column("accounts", "handle", sam)).isEqualTo(sam.handle());
        assertThat(column("accounts", "display_name", sam)).isEqualTo("Sam Whitfield");
    }

    /** The attack: taking another member's handle (in any case), or smuggling their id in. */
    @Test
    void anotherMembersHandleIsRefusedWithAMessageAndNothingChanges() throws Exception {
        Member victim = members.create("Victim");
        Member mallory = members.create("Mallory");
        for (String theirs : List.of(victim.handle(), victim.handle().toUpperCase(), " " + victim.handle() + " ")) {
            mvc.perform(rename(mallory, "Victim", theirs).param("memberId", Long.toString(victim.id())))
                    .andExpect(status().isOk())
                    .andExpect(model().attributeHasFieldErrorCode("form", "handle", "handle.taken"));
        }
        assertThat(column("accounts", "handle", mallory)).isEqualTo(mallory.handle());
        assertThat(column("profiles", "handle", mallory)).isEqualTo(mallory.handle());
        assertThat(column("accounts", "display_name", victim)).isEqualTo("Victim");
        assertThat(column("profiles", "headline", victim)).isNull();
        assertThat(page("/members/" + victim.handle(), null).select("h1").text())
                .isEqualTo("Victim");
    }

    @Test
    void renamingNeedsLogInAndACsrfToken() throws Exception {
        Member sam = members.create("Sam");
        mvc.perform(post("/settings/profile")
                        .with(csrf())
                        .param("displayName", "Anonymous")
                        .param("handle", newHandle()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/settings/profile")
                        .with(user(sam.principal()))
                        .param("displayName", "No Token")
                        .param("handle", newHandle())
                        .param("crafts", "gaffer"))
                .andExpect(status().isForbidden());
        assertThat(column("accounts", "display_name", sam)).isEqualTo("Sam");
        assertThat(column("accounts", "handle", sam)).isEqualTo(sam.handle());
    }

    @Test
    void anOldHandleLeadsToTheCurrentOneThroughSeveralRenamesUntilSomeoneElseTakesIt() throws Exception {
        Member ana = members.create("Ana");
        Member ben = members.create("Ben");
        String first = ana.handle();
        String second = newHandle();
        String third = newHandle();
        mvc.perform(rename(ana, "Ana", second)).andExpect(status().is3xxRedirection());
        mvc.perform(rename(ana, "Ana", third)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/members/" + first)).andExpect(redirectedUrl("/members/" + third));
        mvc.perform(get("/members/" + second)).andExpect(redirectedUrl("/members/" + third));

        // Ben takes Ana's first handle: it is his now, and shows his profile.
        mvc.perform(rename(ben, "Ben", first)).andExpect(status().is3xxRedirection());
        assertThat(page("/members/" + first, null).select("h1").text()).isEqualTo("Ben");
        // When Ben moves on, the handle leads to him, who gave it up last.
        mvc.perform(rename(ben, "Ben", newHandle())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/members/" + first)).andExpect(redirectedUrl("/members/" + column("profiles", "handle", ben)));
        // A handle nobody ever had is still simply not found.
        mvc.perform(get("/members/" + newHandle())).andExpect(status().isNotFound());
    }

    @Test
    void aNameOnlyChangeKeepsTheAddress() throws Exception {
        Member sam = members.create("Sam");
        mvc.perform(rename(sam, "Sam Whitfield", sam.handle()))
                .andExpect(result -> assertThat(flashKey(result)).isEqualTo("profile.saved"));
        assertThat(events.stream(MemberRenamed.class))
                .containsExactly(new MemberRenamed(MemberId.of(sam.id()), sam.handle(), sam.handle(), "Sam Whitfield"));
        assertThat(page("/members/" + sam.handle(), null).select("h1").text()).isEqualTo("Sam Whitfield");
        assertThat(data.jdbc()
                        .queryForObject(
                                "select count(*) from profile_handle_history where member_id = ?",
                                Integer.class,
                                sam.id()))
                .isZero();
        // Saving again without changes publishes nothing more.
        mvc.perform(rename(sam, "Sam Whitfield", sam.handle())).andExpect(status().is3xxRedirection());
        assertThat(events.stream(MemberRenamed.class)).hasSize(1);
    }

    @Test
    void aHandleChangesAtMostThreeTimesInThirtyDaysTheNameAnyTime() throws Exception {
        Member sam = members.create("Sam");
        String third = null;
        for (int i = 0; i < 3; i++) {
            third = newHandle();
            mvc.perform(rename(sam, "Sam", third))
                    .andExpect(result -> assertThat(flashKey(result)).isEqualTo("profile.saved.new-handle"));
        }
        String refused = newHandle();
        Document form = Jsoup.parse(mvc.perform(rename(sam, "Sam", refused))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(form.select("#handle-error").text())
                .startsWith("You have changed your handle 3 times in the last 30 days. You can change it again from ");
        assertThat(form.select("#handle").val()).isEqualTo(refused);
        assertThat(column("accounts", "handle", sam)).isEqualTo(third);
        // The name is not limited.
        mvc.perform(rename(sam, "Samantha", third))
                .andExpect(result -> assertThat(flashKey(result)).isEqualTo("profile.saved"));
        assertThat(column("accounts", "display_name", sam)).isEqualTo("Samantha");

        // A month later (the changes age out of the window), the handle may change again.
        data.jdbc()
                .update(
                        "update account_handle_changes set changed_at = changed_at - interval 31 day where member_id = ?",
                        sam.id());
        mvc.perform(rename(sam, "Samantha", refused))
                .andExpect(result -> assertThat(flashKey(result)).isEqualTo("profile.saved.new-handle"));
    }

    /** Two members asking for the same free handle at the same moment: one gets it, the other a message. */
    @Test
    void twoMembersTakingTheSameHandleAtOnceOneGetsItTheOtherAMessage() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String wanted = newHandle();
                List<Member> both = List.of(members.create("Ana"), members.create("Ben"));
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<MvcResult>> calls = new ArrayList<>();
                for (Member member : both) {
                    calls.add(threads.submit(() -> {
                        var request = rename(member, member.displayName(), wanted);
                        together.await(10, TimeUnit.SECONDS);
                        return mvc.perform(request).andReturn();
                    }));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<MvcResult> call : calls) {
                    MvcResult result = call.get(30, TimeUnit.SECONDS);
                    statuses.add(result.getResponse().getStatus());
                    if (result.getResponse().getStatus() == 200) {
                        assertThat(Jsoup.parse(result.getResponse().getContentAsString())
                                        .select("#handle-error")
                                        .text())
                                .isEqualTo("That handle is taken. Please choose another.");
                    }
                }
                assertThat(statuses).containsExactlyInAnyOrder(302, 200);
                assertThat(data.jdbc()
                                .queryForObject(
                                        "select count(*) from accounts where handle = ?", Integer.class, wanted))
                        .isEqualTo(1);
                assertThat(data.jdbc()
                                .queryForObject(
                                        "select count(*) from profiles where handle = ?", Integer.class, wanted))
                        .isEqualTo(1);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Another module may rename through AccountsApi; the profile copy follows the event. */
    @Test
    void aRenameThroughTheAccountsApiIsFollowedByTheProfile() throws Exception {
        Member sam = members.create("Sam");
        String renamed = newHandle();
        MapBindingResult errors =
                new MapBindingResult(new HashMap<>(Map.of("displayName", "Sam W", "handle", renamed)), "form");
        assertThat(accounts.rename(MemberId.of(sam.id()), "Sam W", renamed, errors))
                .isPresent();
        assertThat(errors.hasErrors()).isFalse();

        await().atMost(Duration.ofSeconds(10)).until(() -> renamed.equals(column("profiles", "handle", sam)));
        assertThat(column("profiles", "display_name", sam)).isEqualTo("Sam W");
        mvc.perform(get("/members/" + sam.handle())).andExpect(redirectedUrl("/members/" + renamed));
    }

    static String flashKey(MvcResult result) {
        return ((org.cinely.platform.web.Flash) result.getFlashMap().get("flash")).messageKey();
    }

    static String header(HttpResponse<String> page) {
        return Jsoup.parse(page.body()).select(".account-menu__name").text();
    }

    /** The profile form's fields as the browser would send them (the CSRF token included). */
    static Map<String, String> formFields(String page) {
        FormElement form = (FormElement) Jsoup.parse(page).selectFirst("form[action=/settings/profile]");
        Map<String, String> fields = new LinkedHashMap<>();
        form.formData().forEach(field -> fields.put(field.key(), field.value()));
        return fields;
    }
}
