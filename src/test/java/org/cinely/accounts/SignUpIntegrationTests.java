package org.cinely.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import jakarta.servlet.http.Cookie;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@CinelyIntegrationTest
class SignUpIntegrationTests {

    static final String GOOD_PASSWORD = "velvet-dolly-grip-1984";

    static final String EMAIL_TAKEN = "An account with this e-mail already exists. Log in, or reset your password.";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    AccountRepository accounts;

    @BeforeEach
    void mark() {
        data.mark();
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    static MockHttpServletRequestBuilder signUp(String email, String name, String handle, String password) {
        return post("/signup")
                .with(csrf())
                .param("email", email)
                .param("displayName", name)
                .param("handle", handle)
                .param("password", password);
    }

    @Test
    void createsAccountLogsTheMemberInAndMailsAVerificationLink() throws Exception {
        String email = TestData.uniqueEmail();
        String handle = TestData.uniqueHandle();

        MvcResult result = mvc.perform(signUp(email, "Maya Okafor", handle, GOOD_PASSWORD))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/"))
                .andReturn();
        Cookie session = result.getResponse().getCookie("SESSION");

        Account account = accounts.findByEmail(email).orElseThrow();
        assertThat(account.getHandle()).isEqualTo(handle);
        assertThat(account.getRole()).isEqualTo(Role.MEMBER);
        assertThat(account.isVerified()).isFalse();
        assertThat(account.getPasswordHash()).startsWith("{bcrypt}").doesNotContain(GOOD_PASSWORD);

        // Signed in straight away, with the reminder to confirm the address.
        Document settings = Jsoup.parse(mvc.perform(get("/settings").cookie(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(settings.select(".account-menu__name").text()).isEqualTo("Maya Okafor");
        assertThat(settings.select(".status--warning").text()).isEqualTo("Not confirmed");
        assertThat(settings.select(".banner--warning").text()).contains(email);

        assertThat(data.latestLinkPath(email)).startsWith("/verify-email?token=");
    }

    @Test
    void emailIsStoredLowerCaseAndDuplicatesDifferingInCaseAreRefused() throws Exception {
        String email = TestData.uniqueEmail();
        mvc.perform(signUp(email.toUpperCase(), "First", TestData.uniqueHandle(), GOOD_PASSWORD))
                .andExpect(status().is3xxRedirection());
        assertThat(accounts.findByEmail(email)).isPresent();

        mvc.perform(signUp(email, "Second", TestData.uniqueHandle(), GOOD_PASSWORD))
                .andExpect(status().isOk())
                .andExpect(view().name("accounts/signup"))
                .andExpect(model().attributeHasFieldErrorCode("form", "email", "signup.email.taken"));
    }

    @Test
    void duplicateHandleIsAFieldErrorNotAnErrorPage() throws Exception {
        String handle = TestData.uniqueHandle();
        mvc.perform(signUp(TestData.uniqueEmail(), "First", handle, GOOD_PASSWORD))
                .andExpect(status().is3xxRedirection());

        MvcResult result = mvc.perform(signUp(TestData.uniqueEmail(), "Second", handle, GOOD_PASSWORD))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "handle", "handle.taken"))
                .andReturn();
        Document page = Jsoup.parse(result.getResponse().getContentAsString());
        assertThat(page.select("#handle-error").text()).isEqualTo("That handle is taken. Please choose another.");
    }

    @ParameterizedTest(name = "handle \"{0}\" is refused with {1}")
    @CsvSource({
        "ab, handle.too-short",
        "a-handle-that-is-far-too-long-for-us, handle.too-long",
        "has space, handle.bad-characters",
        "under_score, handle.bad-characters",
        "-leading, handle.bad-characters",
        "trailing-, handle.bad-characters",
        "émile, handle.bad-characters",
        "admin, handle.reserved",
        "settings, handle.reserved",
        "members, handle.reserved"
    })
    void refusesHandlesOutsideTheRules(String handle, String code) throws Exception {
        mvc.perform(signUp(TestData.uniqueEmail(), "Someone", handle, GOOD_PASSWORD))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "handle", code));
    }

    @Test
    void upperCaseHandleIsLowerCased() throws Exception {
        String handle = TestData.uniqueHandle();
        String email = TestData.uniqueEmail();
        mvc.perform(signUp(email, "Someone", handle.toUpperCase(), GOOD_PASSWORD))
                .andExpect(status().is3xxRedirection());
        assertThat(accounts.findByEmail(email).orElseThrow().getHandle()).isEqualTo(handle);
    }

    @ParameterizedTest(name = "password \"{0}\" is refused with {1}")
    @CsvSource({
        "short-pass, password.too-short",
        "password1234, password.too-common",
        "qwertyuiopasdfgh, password.too-common",
        "aaaaaaaaaaaaaaaa, password.too-common",
        "i-am-zorro-cam-on-set, password.contains-identity"
    })
    void refusesWeakPasswords(String password, String code) throws Exception {
        mvc.perform(signUp(TestData.uniqueEmail(), "Someone", "zorro-cam", password))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "password", code));
    }

    @Test
    void refusesOverLongPassword() throws Exception {
        mvc.perform(signUp(TestData.uniqueEmail(), "Someone", TestData.uniqueHandle(), "x1-".repeat(50)))
                .andExpect(model().attributeHasFieldErrorCode("form", "password", "password.too-long"));
    }

    @Test
    void refusesMissingOrMalformedEmailAndName() throws Exception {
        mvc.perform(signUp("", "", TestData.uniqueHandle(), GOOD_PASSWORD))
                .andExpect(model().attributeHasFieldErrorCode("form", "email", "NotBlank"))
                .andExpect(model().attributeHasFieldErrorCode("form", "displayName", "NotBlank"));
        mvc.perform(signUp("not-an-address", "N".repeat(81), TestData.uniqueHandle(), GOOD_PASSWORD))
                .andExpect(model().attributeHasFieldErrorCode("form", "email", "Email"))
                .andExpect(model().attributeHasFieldErrorCode("form", "displayName", "Size"));
    }

    @Test
    void keepsWhatWasTypedExceptThePasswordAndShowsMessagesBesideFields() throws Exception {
        String email = TestData.uniqueEmail();
        MvcResult result = mvc.perform(signUp(email, "Maya <b>Okafor</b>", "ab", "short"))
                .andExpect(status().isOk())
                .andReturn();
        Document page = Jsoup.parse(result.getResponse().getContentAsString());
        assertThat(page.select("input#email").val()).isEqualTo(email);
        assertThat(page.select("input#displayName").val()).isEqualTo("Maya <b>Okafor</b>");
        assertThat(page.select("input#handle").val()).isEqualTo("ab");
        assertThat(page.select("input#password").val()).isEmpty();
        assertThat(page.select("input#handle").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#handle-error").text()).isEqualTo("A handle needs at least 3 characters.");
        assertThat(page.select("#password-error").text()).isEqualTo("Use at least 12 characters.");
        assertThat(accounts.findByEmail(email)).isEmpty();
    }

    @Test
    void allowsFiveSignUpsPerAddressIn30MinutesThenAnswers429() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(signUp(TestData.uniqueEmail(), "Someone", TestData.uniqueHandle(), GOOD_PASSWORD)
                            .with(remoteAddr("203.0.113.7")))
                    .andExpect(status().is3xxRedirection());
        }
        String sixth = TestData.uniqueEmail();
        mvc.perform(signUp(sixth, "Someone", TestData.uniqueHandle(), GOOD_PASSWORD)
                        .with(remoteAddr("203.0.113.7")))
                .andExpect(status().isTooManyRequests());
        assertThat(accounts.findByEmail(sixth)).isEmpty();

        // Another address is not affected.
        mvc.perform(signUp(TestData.uniqueEmail(), "Someone", TestData.uniqueHandle(), GOOD_PASSWORD)
                        .with(remoteAddr("203.0.113.8")))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void refusesSignUpWithoutCsrfToken() throws Exception {
        String email = TestData.uniqueEmail();
        mvc.perform(post("/signup")
                        .param("email", email)
                        .param("displayName", "Someone")
                        .param("handle", TestData.uniqueHandle())
                        .param("password", GOOD_PASSWORD))
                .andExpect(status().isForbidden());
        assertThat(accounts.findByEmail(email)).isEmpty();
    }

    @Test
    void signedInMembersAreSentHomeFromTheSignUpPage() throws Exception {
        String email = TestData.uniqueEmail();
        MvcResult result = mvc.perform(signUp(email, "Someone", TestData.uniqueHandle(), GOOD_PASSWORD))
                .andReturn();
        mvc.perform(get("/signup").cookie(result.getResponse().getCookie("SESSION")))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void twoSignUpsWithTheSameAddressAtTheSameMomentMakeOneAccountAndAFieldError() throws Exception {
        for (int round = 0; round < 5; round++) {
            String email = TestData.uniqueEmail();
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                java.util.List<java.util.concurrent.Future<MvcResult>> results = new java.util.ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    String address = "198.51.100." + (round * 2 + i + 1);
                    results.add(pool.submit(() -> {
                        start.await();
                        return mvc.perform(signUp(email, "Twin", TestData.uniqueHandle(), GOOD_PASSWORD)
                                        .with(remoteAddr(address)))
                                .andReturn();
                    }));
                }
                int created = 0;
                int refused = 0;
                for (var future : results) {
                    MvcResult result = future.get();
                    int status = result.getResponse().getStatus();
                    if (status == 302) {
                        created++;
                    } else {
                        // Not an error page: the form again, saying the address is taken.
                        assertThat(status).isEqualTo(200);
                        assertThat(Jsoup.parse(result.getResponse().getContentAsString())
                                        .select("#email-error")
                                        .text())
                                .isEqualTo(EMAIL_TAKEN);
                        refused++;
                    }
                }
                assertThat(created).isEqualTo(1);
                assertThat(refused).isEqualTo(1);
                assertThat(accounts.findByEmail(email)).isPresent();
            } finally {
                pool.shutdownNow();
            }
        }
    }

    static org.springframework.test.web.servlet.request.RequestPostProcessor remoteAddr(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
