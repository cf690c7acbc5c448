package org.cinely.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.Deflater;
import org.cinely.test.Gunzip;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class PageCompressionFilterTests {

    final PageCompressionFilter filter = new PageCompressionFilter(true);

    MockHttpServletResponse run(FilterChain chain, String acceptEncoding) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/page");
        if (acceptEncoding != null) {
            request.addHeader("Accept-Encoding", acceptEncoding);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }

    @Test
    void gzipRoundTripsAnyBytes() throws Exception {
        byte[] random = new byte[300_000];
        new Random(15).nextBytes(random);
        for (byte[] bytes : new byte[][] {new byte[0], "<p>é ü ☃</p>".getBytes(StandardCharsets.UTF_8), random}) {
            assertThat(Gunzip.bytes(Gzip.compress(bytes, Deflater.BEST_SPEED))).isEqualTo(bytes);
        }
    }

    @Test
    void anHtmlPageIsSentCompressedWithTheLengthOfWhatIsSent() throws Exception {
        String html = "<!DOCTYPE html><p>Café</p>".repeat(200);
        MockHttpServletResponse response = run(
                (req, res) -> {
                    res.setContentType("text/html;charset=UTF-8");
                    res.getWriter().write(html);
                    res.flushBuffer(); // held: half a page is never sent
                    assertThat(res.isCommitted()).isFalse();
                },
                "gzip, deflate");
        assertThat(response.getHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(response.getHeaders("Vary")).contains("Accept-Encoding");
        assertThat(response.getContentLength()).isEqualTo(response.getContentAsByteArray().length);
        assertThat(Gunzip.text(response.getContentAsByteArray())).isEqualTo(html);
    }

    @Test
    void otherBodiesAndRefusalsPassThroughUntouched() throws Exception {
        byte[] json = "{\"unread\":3}".getBytes(StandardCharsets.UTF_8);
        MockHttpServletResponse data = run(
                (req, res) -> {
                    res.setContentType("application/json");
                    res.setContentLength(json.length);
                    res.getOutputStream().write(json);
                },
                "gzip");
        assertThat(data.getHeader("Content-Encoding")).isNull();
        assertThat(data.getContentLength()).isEqualTo(json.length);
        assertThat(data.getContentAsByteArray()).isEqualTo(json);

        MockHttpServletResponse plain = run(
                (req, res) -> {
                    res.setContentType("text/html");
                    res.getWriter().write("<p>plain</p>");
                },
                "gzip;q=0");
        assertThat(plain.getHeader("Content-Encoding")).isNull();
        assertThat(plain.getContentAsString()).isEqualTo("<p>plain</p>");
    }

    @Test
    void aBodyEncodedAlreadyKeepsItsEncodingAndLength() throws Exception {
        byte[] kept = Gzip.compress("<p>kept page</p>".getBytes(StandardCharsets.UTF_8), Deflater.BEST_SPEED);
        MockHttpServletResponse response = run(
                (req, res) -> {
                    res.setContentType("text/html");
                    ((jakarta.servlet.http.HttpServletResponse) res).setHeader("Content-Encoding", "gzip");
                    res.setContentLength(kept.length);
                    res.getOutputStream().write(kept);
                },
                "gzip");
        assertThat(response.getContentLength()).isEqualTo(kept.length);
        assertThat(Gunzip.text(response.getContentAsByteArray())).isEqualTo("<p>kept page</p>");
    }

    @Test
    void anErrorSentHalfWayReplacesThePageUncompressed() throws Exception {
        MockHttpServletResponse response = run(
                (req, res) -> {
                    res.setContentType("text/html");
                    res.getWriter().write("<p>half a page");
                    ((jakarta.servlet.http.HttpServletResponse) res).sendError(500);
                },
                "gzip");
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getHeader("Content-Encoding")).isNull();
        assertThat(response.getContentAsString()).doesNotContain("half a page");
    }
}
