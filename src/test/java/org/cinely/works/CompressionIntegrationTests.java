package org.cinely.works;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.cinely.platform.security.CurrentMember;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.Gunzip;
import org.cinely.test.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/** Text goes out gzipped over the real port; video segments do not, and their byte ranges stay 206. */
@CinelyIntegrationTest
class CompressionIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    MockMvc mvc;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void mark() {
        data.mark();
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Encoding", "gzip");
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void pagesStylesScriptsAndHlsJsAreGzipped() throws Exception {
        for (String path :
                new String[] {"/works", "/css/cinely.css", "/js/cinely.js", "/js/player.js", "/vendor/hls/hls.min.js"
                }) {
            HttpResponse<byte[]> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Encoding"))
                    .as(path)
                    .hasValue("gzip");
            assertThat(Gunzip.text(response.body())).as(path).isNotBlank();
        }
        HttpResponse<byte[]> hls = get("/vendor/hls/hls.min.js");
        assertThat(hls.body().length).isLessThan(300_000);
        assertThat(Gunzip.text(hls.body()).length()).isGreaterThan(600_000);
    }

    @Test
    void aSegmentIsNeverGzippedAndAnswersARangeWith206() throws Exception {
        CurrentMember owner = WorksTestSupport.member(data.jdbc(), "{noop}x");
        long workId = WorksTestSupport.readyPublicWork(mvc, owner, WorksTestSupport.clip(640, 360));
        String base = "/works/" + workId + "/media/v1/hls/";

        HttpResponse<byte[]> master = get(base + "master.m3u8");
        assertThat(master.statusCode()).isEqualTo(200);
        String playlist = master.headers().firstValue("Content-Encoding").isPresent()
                ? Gunzip.text(master.body())
                : new String(master.body(), StandardCharsets.UTF_8);
        assertThat(playlist).contains("360/index.m3u8");

        HttpResponse<byte[]> segment = get(base + "360/seg_00000.m4s", "Range", "bytes=0-99");
        assertThat(segment.statusCode()).isEqualTo(206);
        assertThat(segment.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(segment.body()).hasSize(100);
        assertThat(segment.headers().firstValue("Content-Range"))
                .hasValueSatisfying(range -> assertThat(range).startsWith("bytes 0-99/"));

        HttpResponse<byte[]> poster = get(base + "poster.jpg");
        assertThat(poster.statusCode()).isEqualTo(200);
        assertThat(poster.headers().firstValue("Content-Encoding")).isEmpty();
    }
}
