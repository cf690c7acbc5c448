package org.cinely.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.HttpTestClient;
import org.cinely.test.TestData;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every error status a browser can meet renders the site's own page (never the Whitelabel page
 * or a stack trace), and request bodies are bounded before any work is done on them.
 */
@CinelyIntegrationTest
class ErrorPagesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

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

    static void assertSitePage(HttpResponse<String> response, int status, String heading) {
        assertThat(response.statusCode()).isEqualTo(status);
        Document page = Jsoup.parse(response.body());
        assertThat(response.body()).doesNotContain("Whitelabel").doesNotContain("Exception");
        assertThat(page.select(".site-header")).isNotEmpty();
        assertThat(page.select(".error-page__code").text()).isEqualTo("Error " + status);
        assertThat(page.select("h1").text()).isEqualTo(heading);
    }

    @Test
    void aMalformedParameterGetsThe400Page() {
        assertSitePage(http.get("/members?page=not-a-number"), 400, "We couldn’t read that request");
    }

    @Test
    void aWrongMethodGetsThe405Page() {
        String email = TestData.uniqueEmail();
        http.submit(
                "/signup",
                "/signup",
                Map.of(
                        "email",
                        email,
                        "displayName",
                        "Wrong Method",
                        "handle",
                        TestData.uniqueHandle(),
                        "password",
                        WebSecurityIntegrationTests.PASSWORD));
        assertSitePage(http.get("/connections/requests/1/accept"), 405, "That action isn’t available here");
    }

    @Test
    void anOversizedFormIsRefusedWith413BeforeItIsRead() {
        String huge = "x".repeat(2 * 1024 * 1024);
        HttpResponse<String> response = http.post("/signup", Map.of("email", huge, "password", "p"));
        assertSitePage(response, 413, "That was too large to send");
    }

    /** A body without a declared length (chunked) is cut off at the limit while it is read. */
    @Test
    @org.junit.jupiter.api.Timeout(120)
    void aChunkedBodyIsCutOffAtTheLimit() throws Exception {
        long[] sent = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                sent[0]++;
                return 'a';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'a');
                sent[0] += len;
                return len;
            }
        };
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/media/transcoder/zencoder/anything"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> endless))
                .build();
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isBetween(400, 499);
        } catch (IOException e) {
            // The server may close the connection while the client is still sending: also fine.
        }
        // The server stopped reading long before the client could send 200 MB.
        assertThat(sent[0]).isLessThan(200L * 1024 * 1024);
    }
}
