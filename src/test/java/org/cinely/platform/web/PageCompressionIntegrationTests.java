package org.cinely.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.Gunzip;
import org.cinely.test.HttpTestClient;
import org.cinely.test.TestData;
import org.cinely.test.TestMembers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Rendered pages go out gzipped by {@link PageCompressionFilter} over the real port, as a browser
 * gets them: whole, with their length, once; and everything it must leave alone still arrives as
 * before (no gzip asked for, error pages, redirects, HEAD, the live stream).
 */
@CinelyIntegrationTest
class PageCompressionIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    PasswordEncoder encoder;

    final HttpClient http = HttpClient.newHttpClient();
    TestMembers.Member member;
    String session;

    @BeforeEach
    void setUp() {
        data.mark();
        member = new TestMembers(data.jdbc(), encoder).create("Gzip Reader");
        HttpTestClient client = new HttpTestClient(port);
        client.logIn(member.email(), TestMembers.PASSWORD);
        session = client.cookie("SESSION");
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    HttpResponse<byte[]> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", "SESSION=" + session)
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aSignedInPageArrivesGzippedWholeWithItsLength() throws Exception {
        for (String path : new String[] {"/", "/settings", "/members", "/jobs"}) {
            HttpResponse<byte[]> page = send("GET", path, "Accept-Encoding", "gzip, deflate, br");
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
            assertThat(page.headers().allValues("Vary"))
                    .as(path)
                    .anySatisfy(v -> assertThat(v).containsIgnoringCase("Accept-Encoding"));
            assertThat(page.headers().firstValueAsLong("Content-Length"))
                    .as(path + ": sent whole, with its length")
                    .hasValue(page.body().length);
            String html = Gunzip.text(page.body());
            assertThat(html).as(path).startsWith("<!DOCTYPE html>").contains("action=\"/logout\"");
            assertThat(html.strip()).as(path).endsWith("</html>");
            assertThat(page.body().length).as(path).isLessThan(html.length() / 2);
        }
    }

    /** The request's own parts of a page: its CSRF tokens and where its live stream starts. */
    static String withoutRequestParts(String html) {
        return html.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\" value=\"\"")
                .replaceAll("data-live-since=\"\\d+\"", "data-live-since=\"\"");
    }

    @Test
    void aGzippedPageInflatesToThePageSentPlain() throws Exception {
        for (String path : new String[] {"/", "/settings", "/members", "/jobs", "/members/suggestions"}) {
            String plain = new String(send("GET", path, "Accept", "text/html").body(), StandardCharsets.UTF_8);
            for (int view = 0; view < 2; view++) { // the kept parts as rendered, then as kept
                HttpResponse<byte[]> gzipped = send("GET", path, "Accept-Encoding", "gzip");
                assertThat(gzipped.headers().firstValue("Content-Encoding"))
                        .as(path)
                        .hasValue("gzip");
                assertThat(withoutRequestParts(Gunzip.text(gzipped.body())))
                        .as(path)
                        .isEqualTo(withoutRequestParts(plain));
            }
        }
    }

    @Test
    void withoutGzipAskedForThePageIsPlain() throws Exception {
        for (String[] headers : new String[][] {{"Accept", "text/html"}, {"Accept-Encoding", "gzip;q=0, identity"}}) {
            HttpResponse<byte[]> page = send("GET", "/settings", headers);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("action=\"/logout\"");
        }
    }

    @Test
    void errorPagesRedirectsAndHeadStillArriveAsBefore() throws Exception {
        HttpResponse<byte[]> missing =
                send("GET", "/members/no-such-member-anywhere", "Accept", "text/html", "Accept-Encoding", "gzip");
        assertThat(missing.statusCode()).isEqualTo(404);
        String notFound = missing.headers().firstValue("Content-Encoding").isPresent()
                ? Gunzip.text(missing.body())
                : new String(missing.body(), StandardCharsets.UTF_8);
        assertThat(notFound).startsWith("<!DOCTYPE html>").contains("</html>");

        HttpResponse<byte[]> signIn = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/settings"))
                        .header("Accept-Encoding", "gzip")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(signIn.statusCode()).as("a visitor is sent to log in").isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        HttpResponse<byte[]> head = send("HEAD", "/settings", "Accept-Encoding", "gzip");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void theLiveStreamIsNotHeldBack() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/live"))
                .header("Cookie", "SESSION=" + session)
                .header("Accept", "text/event-stream")
                .header("Accept-Encoding", "gzip")
                .build();
        HttpResponse<InputStream> stream = http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .get(5, TimeUnit.SECONDS);
        try (InputStream body = stream.body()) {
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Encoding")).isEmpty();
            BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            String first = CompletableFuture.supplyAsync(() -> {
                        try {
                            return lines.readLine();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .get(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
            assertThat(first).as("the stream's first line arrives at once").startsWith(":");
        }
    }

    @Test
    void aPostedFormWithErrorsComesBackGzippedWithWhatWasTyped() throws Exception {
        HttpTestClient client = new HttpTestClient(port);
        client.logIn(member.email(), TestMembers.PASSWORD);
        String token = org.jsoup.Jsoup.parse(client.get("/jobs/new").body())
                .select("input[name=_csrf]")
                .val();
        String form = "_csrf=" + token + "&title=" + "x".repeat(500) + "&description=kept%20text";
        HttpResponse<byte[]> page = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/jobs/new"))
                        .header(
                                "Cookie",
                                "SESSION=" + client.cookie("SESSION") + "; XSRF-TOKEN=" + client.cookie("XSRF-TOKEN"))
                        .header("Accept-Encoding", "gzip")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(Gunzip.text(page.body())).contains("kept text");
    }
}
