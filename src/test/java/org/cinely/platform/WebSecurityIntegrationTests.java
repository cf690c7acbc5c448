package org.cinely.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.util.Map;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.FailingTestController;
import org.cinely.test.HttpTestClient;
import org.cinely.test.TestData;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a browser gets from the real server: error pages, headers, CSRF, sessions. */
@CinelyIntegrationTest
class WebSecurityIntegrationTests {

    static final String PASSWORD = "clapper-board-take-two-9";

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    MeterRegistry meters;

    HttpTestClient http;

    @BeforeEach
    void setUp() {
        data.mark();
        http = new HttpTestClient(port);
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    String signUp() {
        String email = TestData.uniqueEmail();
        HttpResponse<String> response = http.submit(
                "/signup",
                "/signup",
                Map.of(
                        "email",
                        email,
                        "displayName",
                        "Tomáš Novák",
                        "handle",
                        TestData.uniqueHandle(),
                        "password",
                        PASSWORD));
        assertThat(response.statusCode()).isEqualTo(302);
        return email;
    }

    @Test
    void anUnknownUrlRendersThe404PageForVisitorsAndMembers() {
        HttpResponse<String> anonymous = http.get("/no/such/page");
        assertThat(anonymous.statusCode()).isEqualTo(404);
        Document page = Jsoup.parse(anonymous.body());
        assertThat(page.select("h1").text()).isEqualTo("We couldn’t find that page");
        assertThat(page.select(".site-header")).isNotEmpty();

        signUp();
        HttpResponse<String> member = http.get("/no/such/page");
        assertThat(member.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(member.body()).select(".account-menu__name").text())
                .isEqualTo("Tomáš Novák");
    }

    @Test
    void anUnknownMemberIs404() {
        assertThat(http.get("/members/nobody-by-this-name").statusCode()).isEqualTo(404);
    }

    @Test
    void aThrownExceptionRendersThe500PageWithoutDetails() {
        HttpResponse<String> response = http.get("/members/test-failure/explode");
        assertThat(response.statusCode()).isEqualTo(500);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("h1").text()).isEqualTo("Something went wrong on our side");
        assertThat(response.body())
                .doesNotContain(FailingTestController.SECRET_DETAIL)
                .doesNotContain("IllegalStateException")
                .doesNotContain("at org.")
                .doesNotContain("password_hash");

        // Asking for details explicitly, or for JSON, reveals nothing either.
        HttpResponse<String> json = http.get("/members/test-failure/explode?trace=true&message=true", "*/*");
        assertThat(json.statusCode()).isEqualTo(500);
        assertThat(json.body())
                .doesNotContain(FailingTestController.SECRET_DETAIL)
                .doesNotContain("IllegalStateException")
                .doesNotContain("trace");
    }

    @Test
    void aPostWithoutCsrfTokenIsRefused() {
        String email = TestData.uniqueEmail();
        HttpResponse<String> response = http.post(
                "/signup",
                Map.of("email", email, "displayName", "X", "handle", TestData.uniqueHandle(), "password", PASSWORD));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(response.body()).select("h1").text()).isEqualTo("You can’t do that here");
        assertThat(data.jdbc().queryForObject("select count(*) from accounts where email = ?", Integer.class, email))
                .isZero();
    }

    @Test
    void tooManySignUpsGetTheFriendly429PageWithTheWait() {
        for (int i = 0; i < 5; i++) {
            new HttpTestClient(port)
                    .submit(
                            "/signup",
                            "/signup",
                            Map.of(
                                    "email",
                                    TestData.uniqueEmail(),
                                    "displayName",
                                    "Bot " + i,
                                    "handle",
                                    TestData.uniqueHandle(),
                                    "password",
                                    PASSWORD));
        }
        HttpResponse<String> refused = http.submit(
                "/signup",
                "/signup",
                Map.of(
                        "email",
                        TestData.uniqueEmail(),
                        "displayName",
                        "Bot 6",
                        "handle",
                        TestData.uniqueHandle(),
                        "password",
                        PASSWORD));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select("h1").text()).isEqualTo("That’s a lot of tries in a short time");
        // Five sign-ups per 30 minutes: one try comes back every 6 minutes.
        assertThat(page.select("main").text()).contains("Please try again in 6 minutes.");
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() {
        HttpResponse<String> response = http.get("/");
        var headers = response.headers();
        String csp = headers.firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'");
        assertThat(csp).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
        // And no page has inline script for the policy to block.
        assertThat(Jsoup.parse(response.body()).select("script:not([src])")).isEmpty();
    }

    @Test
    void loggingInGivesANewSessionId() {
        String email = signUp();
        http.submit("/settings", "/logout", Map.of());
        http.get("/login");
        String before = http.cookie("SESSION");
        http.logIn(email, PASSWORD);
        String after = http.cookie("SESSION");
        assertThat(after).isNotNull().isNotEqualTo(before);
    }

    @Test
    void theRememberMeCookieIsSameSiteLax() {
        String email = signUp();
        http.submit("/settings", "/logout", Map.of());
        HttpResponse<String> loggedIn =
                http.submit("/login", "/login", Map.of("email", email, "password", PASSWORD, "remember-me", "on"));
        assertThat(loggedIn.headers().allValues("Set-Cookie"))
                .filteredOn(cookie -> cookie.startsWith("remember-me="))
                .singleElement()
                .satisfies(cookie -> assertThat(cookie).contains("SameSite=Lax").contains("HttpOnly"));
    }

    @Test
    void typedTextIsEscapedInThePage() {
        String email = TestData.uniqueEmail();
        http.submit(
                "/signup",
                "/signup",
                Map.of(
                        "email",
                        email,
                        "displayName",
                        "<script>alert('x')</script>",
                        "handle",
                        TestData.uniqueHandle(),
                        "password",
                        PASSWORD));
        String body = http.get("/settings").body();
        assertThat(body).doesNotContain("<script>alert('x')</script>");
        assertThat(body).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    }

    @Test
    void healthIsPublicAndOtherActuatorEndpointsAreForAdminsOnly() {
        HttpResponse<String> health = http.get("/actuator/health", "application/json");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("mysql");

        assertThat(http.get("/actuator/metrics", "application/json").statusCode())
                .isIn(302, 401, 403, 404);
        signUp();
        assertThat(http.get("/actuator/metrics", "application/json").statusCode())
                .isEqualTo(403);
    }

    /** Requests are timed as a whole; Spring Security's per-filter timers are off (issue 15: 4-6% of a page). */
    @Test
    void requestsAreMeasuredWithoutTimingEverySecurityFilter() {
        assertThat(http.get("/members", "text/html").statusCode()).isEqualTo(200);

        assertThat(meters.find("http.server.requests").timers()).isNotEmpty();
        assertThat(meters.getMeters())
                .noneMatch(meter -> meter.getId().getName().startsWith("spring.security"));
    }
}
