package org.cinely.load;

import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.nio.file.Path;

/**
 * What PageSpeedBenchmark hands the simulations, as system properties (the Gatling Maven plugin
 * forks the simulation's JVM with the -D properties Maven was given).
 */
final class Load {

    /** The app under test, e.g. http://localhost:41234. */
    static final String BASE_URL = System.getProperty("load.base-url", "http://localhost:8080");

    /** Where PageSpeedBenchmark wrote the feeders (session cookies, profiles, listings, words). */
    static final Path DATA = Path.of(System.getProperty("load.data", "../target/page-speed"));

    static final int SECONDS = Integer.getInteger("load.seconds", 15);
    static final int WARM_UP_SECONDS = Integer.getInteger("load.warm-up-seconds", 180);
    /** The same page, same visitor, just before it is measured (its requests are not counted). */
    static final int PAGE_WARM_UP_SECONDS = Integer.getInteger("load.page-warm-up-seconds", 20);
    static final int CONNECTIONS = Integer.getInteger("load.connections", 32);
    static final int MIXED_SECONDS = Integer.getInteger("load.mixed-seconds", 300);
    static final int MIXED_MEMBERS = Integer.getInteger("load.mixed-members", 200);

    /** A signed-in page shows the log-out form in the header; an anonymous one does not. */
    static final String LOGOUT_FORM = "action=\"/logout\"";

    private Load() {}

    static String feeder(String name) {
        return DATA.resolve(name).toAbsolutePath().toString();
    }

    /**
     * Like a browser: keep-alive, one connection pool per virtual user (so each user stays on its
     * connection), cookies kept, redirects followed; no static resources (pages only).
     */
    static HttpProtocolBuilder protocol() {
        return http.baseUrl(BASE_URL)
                .acceptHeader("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .acceptLanguageHeader("en")
                .acceptEncodingHeader("gzip, deflate")
                .userAgentHeader("cinely-load (Gatling)");
    }
}
