package org.cinely.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.cinely.test.HttpTestClient;
import org.cinely.test.OwnDatabase;
import org.cinely.test.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database restarting under a running app (its own MariaDB server here, stopped and started
 * again, data kept): while it is away every page answers a clear 503 with Retry-After, styled
 * (static files need no database), a form sent meanwhile saves nothing; once it is back the same
 * app serves and saves again, with no restart.
 */
@Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
class DatabaseRestartIntegrationTests {

    static OwnDatabase db;
    static ConfigurableApplicationContext app;
    static int port;

    @BeforeAll
    static void startServerAndApp() throws Exception {
        db = OwnDatabase.start("restart-db");
        app = db.app();
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stopAll() throws Exception {
        if (app != null) {
            app.close();
        }
        if (db != null) {
            db.stop();
        }
    }

    private static Map<String, String> signUp(String email) {
        return Map.of(
                "email",
                email,
                "displayName",
                "Restart Member",
                "handle",
                TestData.uniqueHandle(),
                "password",
                "night-exterior-rain-tower-7");
    }

    private static int accounts(String email) {
        return app.getBean(JdbcTemplate.class)
                .queryForObject("select count(*) from accounts where email = ?", Integer.class, email);
    }

    @Test
    void whileTheDatabaseIsAwayPagesSay503AndOnceBackTheSameAppWorksAgain() throws Exception {
        HttpTestClient browser = new HttpTestClient(port);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        String signUpPage = browser.get("/signup").body(); // a form opened before the outage
        String token =
                org.jsoup.Jsoup.parse(signUpPage).select("input[name=_csrf]").val();

        db.stop();
        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(503);
        assertThat(home.headers().firstValue("Retry-After")).contains(DatabaseUnavailableFilter.RETRY_AFTER_SECONDS);
        assertThat(org.jsoup.Jsoup.parse(home.body()).select("h1").text())
                .isEqualTo("Cinely can’t reach its database right now");
        assertThat(home.body()).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(browser.get("/members").statusCode()).isEqualTo(503);
        assertThat(browser.get("/works/1/status", "application/json").body()).contains("\"unavailable\"");
        assertThat(browser.get("/css/cinely.css", "text/css").statusCode())
                .as("the 503 page keeps its style")
                .isEqualTo(200);

        String lostEmail = TestData.uniqueEmail();
        Map<String, String> during = new java.util.LinkedHashMap<>(signUp(lostEmail));
        during.put("_csrf", token);
        assertThat(browser.post("/signup", during).statusCode()).isEqualTo(503);

        db.restart();
        Awaitility.await("the app serves again once the database is back")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> browser.get("/").statusCode() == 200);
        assertThat(accounts(lostEmail))
                .as("the sign-up sent during the outage saved nothing")
                .isZero();

        String email = TestData.uniqueEmail();
        HttpResponse<String> signedUp = browser.submit("/signup", "/signup", signUp(email));
        assertThat(signedUp.statusCode()).isEqualTo(302);
        assertThat(accounts(email)).isEqualTo(1);
    }
}
