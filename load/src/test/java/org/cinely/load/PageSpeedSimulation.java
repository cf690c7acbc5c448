package org.cinely.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.Cookie;
import static io.gatling.javaapi.http.HttpDsl.addCookie;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.ArrayList;
import java.util.List;

/**
 * Each page in turn, like {@code wrk -c32 -d15s}: {@link Load#CONNECTIONS} virtual users, each on
 * its own keep-alive connection, requesting the page back to back for {@link Load#SECONDS}; then
 * the next page. A warm-up over all pages comes first, and each page is also requested the same
 * way for {@link Load#PAGE_WARM_UP_SECONDS} just before it is measured (as a benchmark harness
 * warms each measured method: HotSpot compiles a page's own path only once that page is loaded,
 * and the first signed-in page measured was otherwise measuring the compiler). Warm-up requests
 * are named "warm-up" and not counted. The baseline runs again at the end (a busy machine shows
 * as a different figure).
 * Request names are the page names PageSpeedBenchmark reports.
 */
public class PageSpeedSimulation extends Simulation {

    record Page(String name, String path, Visitor who) {}

    enum Visitor {
        ANONYMOUS,
        ORDINARY,
        HUB
    }

    static final List<Page> PAGES = List.of(
            new Page("bare page (no query)", "/members/bench-bare", Visitor.ANONYMOUS),
            new Page("baseline (one indexed query)", "/members/bench-baseline", Visitor.ANONYMOUS),
            new Page("/ anonymous", "/", Visitor.ANONYMOUS),
            new Page("/members", "/members", Visitor.ANONYMOUS),
            new Page("/members?q=daldallum", "/members?q=daldallum", Visitor.ANONYMOUS),
            new Page("/members?q=shorts&craft=colorist", "/members?q=shorts&craft=colorist", Visitor.ANONYMOUS),
            new Page("/members/{handle}", "/members/#{handle}", Visitor.ANONYMOUS),
            new Page("/jobs", "/jobs", Visitor.ANONYMOUS),
            new Page("/works", "/works", Visitor.ANONYMOUS),
            new Page("/ ordinary member", "/", Visitor.ORDINARY),
            new Page("/ 500-connection member", "/", Visitor.HUB),
            new Page("/members/suggestions 500-connection member", "/members/suggestions", Visitor.HUB),
            // The baseline once more at the end: how much the machine drifted during the run.
            new Page("baseline again, at the end", "/members/bench-baseline", Visitor.ANONYMOUS));

    {
        FeederBuilder<String> profiles = csv(Load.feeder("profiles.csv")).random();
        List<PopulationBuilder> runs = new ArrayList<>();
        runs.add(scenario("warm-up")
                .exec(signIn(Visitor.HUB))
                .during(Load.WARM_UP_SECONDS)
                .on(feedAndRequest(profiles, "warm-up", PAGES))
                .injectOpen(atOnceUsers(Load.CONNECTIONS)));
        for (Page page : PAGES) {
            runs.add(scenario("warm-up: " + page.name())
                    .exec(signIn(page.who()))
                    .during(Load.PAGE_WARM_UP_SECONDS)
                    .on(feedAndRequest(profiles, "warm-up", List.of(page)))
                    .injectOpen(atOnceUsers(Load.CONNECTIONS)));
            runs.add(scenario(page.name())
                    .exec(signIn(page.who()))
                    .during(Load.SECONDS)
                    .on(feedAndRequest(profiles, page.name(), List.of(page)))
                    .injectOpen(atOnceUsers(Load.CONNECTIONS)));
        }
        // One after another: a.andThen(b.andThen(c ...)).
        PopulationBuilder chain = runs.get(runs.size() - 1);
        for (int i = runs.size() - 2; i >= 0; i--) {
            chain = runs.get(i).andThen(chain);
        }
        setUp(chain).protocols(Load.protocol());
    }

    /** The user's session cookie (a signed-in member's), or nothing for a visitor. */
    static ChainBuilder signIn(Visitor who) {
        return switch (who) {
            case ANONYMOUS -> exec(session -> session);
            case ORDINARY -> feed(csv(Load.feeder("sessions-ordinary.csv")).circular())
                    .exec(addCookie(Cookie("SESSION", "#{session}").withPath("/")));
            case HUB -> feed(csv(Load.feeder("sessions-hub.csv")).circular())
                    .exec(addCookie(Cookie("SESSION", "#{session}").withPath("/")));
        };
    }

    /** One request per loop; the warm-up goes round all pages (signed in, so no page is turned away). */
    static ChainBuilder feedAndRequest(FeederBuilder<String> profiles, String name, List<Page> pages) {
        if (pages.size() == 1) {
            Page page = pages.get(0);
            ChainBuilder request = exec(http(name).get(page.path()).check(status().is(200), signedIn(page.who())));
            return page.path().contains("#{handle}") ? feed(profiles).exec(request) : request;
        }
        List<ChainBuilder> each = new ArrayList<>();
        for (Page page : pages) {
            each.add(feed(profiles).exec(http(name).get(page.path()).check(status().is(200))));
        }
        return exec(each);
    }

    /** The page shows who is signed in: the log-out form for a member, none for a visitor. */
    static CheckBuilder signedIn(Visitor who) {
        return who == Visitor.ANONYMOUS
                ? substring(Load.LOGOUT_FORM).notExists()
                : substring(Load.LOGOUT_FORM).exists();
    }
}
