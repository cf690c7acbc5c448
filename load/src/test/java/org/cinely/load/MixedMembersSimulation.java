package org.cinely.load;

import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.Cookie;
import static io.gatling.javaapi.http.HttpDsl.addCookie;
import static io.gatling.javaapi.http.HttpDsl.currentLocationRegex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@link Load#MIXED_MEMBERS} signed-in members (one session each), ramped up over 30 s, each
 * browsing for {@link Load#MIXED_SECONDS} with 1-3 s of thought between pages: home, the directory
 * (browse by craft and a word search), a profile, works (and a work, when one is listed), the job
 * board and a board search, a listing; now and then they apply (about one listing in five) or post
 * a job (about one round in twenty), with the CSRF token from the page's form as a browser would.
 * Every request must answer 200 (redirects followed; a refused application or posting redirects
 * or re-renders, a 429 or 4xx/5xx counts as an error).
 */
public class MixedMembersSimulation extends Simulation {

    static final Duration RAMP = Duration.ofSeconds(30);

    static ChainBuilder think() {
        return pause(Duration.ofSeconds(1), Duration.ofSeconds(3));
    }

    static ChainBuilder page(String name, String path) {
        return exec(http(name).get(path).check(status().is(200), substring(Load.LOGOUT_FORM).exists()))
                .exec(think());
    }

    {
        FeederBuilder<String> sessions = csv(Load.feeder("sessions-mixed.csv")).queue();
        FeederBuilder<String> profiles = csv(Load.feeder("profiles.csv")).random();
        FeederBuilder<String> listings = csv(Load.feeder("listings.csv")).random();
        FeederBuilder<String> searches = csv(Load.feeder("searches.csv")).random();

        ChainBuilder apply = exec(http("apply: POST /jobs/{id}/apply")
                .post("/jobs/#{id}/apply")
                .formParam("_csrf", "#{applyCsrf}")
                // "(load test)" and "Load Test Films" below: PageSpeedBenchmark removes what carries
                // them before each run.
                .formParam("coverNote", "Available on those dates; my reel is on my profile. (load test)")
                .check(status().is(200), currentLocationRegex("/jobs/(\\d+)$").exists()));

        ChainBuilder post = exec(http("post a job: GET /jobs/new")
                        .get("/jobs/new")
                        .check(
                                status().is(200),
                                css("form[action='/jobs/new'] input[name='_csrf']", "value")
                                        .saveAs("postCsrf")))
                .exec(think())
                .exec(session -> session.set("start", LocalDate.now().plusDays(20).toString())
                        .set("end", LocalDate.now().plusDays(24).toString()))
                .exec(http("post a job: POST /jobs/new")
                        .post("/jobs/new")
                        .formParam("_csrf", "#{postCsrf}")
                        .formParam("title", "Colorist for a short (load test)")
                        .formParam("crafts", "#{craft}")
                        .formParam("productionTitle", "Night Harbour")
                        .formParam("productionType", "SHORT")
                        .formParam("company", "Load Test Films")
                        .formParam("city", "Lisbon")
                        .formParam("country", "Portugal")
                        .formParam("startDate", "#{start}")
                        .formParam("endDate", "#{end}")
                        .formParam("compensation", "PAID")
                        .formParam("payAmount", "350")
                        .formParam("payUnit", "DAY")
                        .formParam("payCurrency", "EUR")
                        .formParam("unionStatus", "EITHER")
                        .formParam("description", "Five days of grading a 20-minute short. #{q} welcome.")
                        .formParam("wantsCoverNote", "true")
                        .formParam("runsForDays", "30")
                        // Posted: redirected to the new listing; a form shown again is a failure.
                        .check(status().is(200), currentLocationRegex("/jobs/(\\d+)$").exists()))
                .exec(think());

        ChainBuilder round = exec(page("home", "/"))
                .feed(searches)
                .exec(page("directory by craft", "/members?craft=#{craft}"))
                .exec(page("directory search", "/members?q=#{q}"))
                .feed(profiles)
                .exec(page("profile", "/members/#{handle}"))
                .exec(http("works")
                        .get("/works")
                        .check(
                                status().is(200),
                                regex("href=\"/works/(\\d+)\"").findRandom().optional().saveAs("work")))
                .exec(think())
                .doIf(session -> session.contains("work"))
                .then(page("work", "/works/#{work}"))
                .exec(page("job board", "/jobs"))
                .exec(page("board search", "/jobs?q=#{q}&craft=#{craft}"))
                .feed(listings)
                .exec(http("listing")
                        .get("/jobs/#{id}")
                        .check(
                                status().is(200),
                                // The apply form is there when this member may apply (open, not yet applied).
                                css("form[action$='/apply'] input[name='_csrf']", "value")
                                        .optional()
                                        .saveAs("applyCsrf")))
                .exec(think())
                .doIf(session -> session.contains("applyCsrf") && ThreadLocalRandom.current().nextInt(5) == 0)
                .then(apply.exec(think()))
                .exec(session -> session.remove("applyCsrf").remove("work"))
                .doIf(session -> ThreadLocalRandom.current().nextInt(20) == 0)
                .then(post);

        ScenarioBuilder members = scenario("mixed members")
                .feed(sessions)
                .exec(addCookie(Cookie("SESSION", "#{session}").withPath("/")))
                .during(Duration.ofSeconds(Load.MIXED_SECONDS))
                .on(round);

        setUp(members.injectOpen(rampUsers(Load.MIXED_MEMBERS).during(RAMP))).protocols(Load.protocol());
    }
}
