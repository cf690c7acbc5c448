package org.cinely.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cinely.accounts.AccountsTestData;
import org.cinely.test.HttpTestClient;
import org.cinely.test.TestData;
import org.jsoup.Jsoup;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A member signed in over real HTTP with a new work to upload to, speaking tus as the work page's
 * uploader does (its CSRF header, its session), for the tests that run nodes of their own.
 */
record TusUploader(HttpTestClient browser, long workId, Map<String, String> tus) {

    /** Signs a new member in on {@code port} and creates a public work. */
    static TusUploader signedInWithWork(JdbcTemplate jdbc, int port, String title) {
        String email = TestData.uniqueEmail();
        new AccountsTestData(jdbc).create(email, TestData.uniqueHandle(), "Uploader " + title, "{noop}pw", true);
        HttpTestClient browser = new HttpTestClient(port);
        browser.logIn(email, "pw");
        Map<String, String> work = new LinkedHashMap<>();
        work.put("title", title);
        work.put("type", "SHORT");
        work.put("credits", "");
        work.put("visibility", "PUBLIC");
        HttpResponse<String> created = browser.submit("/works/new", "/works", work);
        assertThat(created.statusCode()).isEqualTo(302);
        String edit = URI.create(created.headers().firstValue("Location").orElseThrow())
                .getPath();
        long workId = Long.parseLong(edit.replaceAll("\\D", ""));
        var section = Jsoup.parse(browser.get(edit).body()).selectFirst("[data-csrf-token]");
        return new TusUploader(
                browser,
                workId,
                Map.of("Tus-Resumable", "1.0.0", section.attr("data-csrf-header"), section.attr("data-csrf-token")));
    }

    /** The tus headers plus the browser's cookies, for requests sent by another client (or to another node). */
    Map<String, String> tusWithCookies() {
        Map<String, String> headers = new LinkedHashMap<>(tus);
        headers.put("Cookie", "SESSION=" + browser.cookie("SESSION") + "; XSRF-TOKEN=" + browser.cookie("XSRF-TOKEN"));
        return headers;
    }

    /** Announces an upload of {@code length} bytes to the work (tus creation). */
    HttpResponse<String> announce(HttpTestClient via, Map<String, String> headers, int length, String filename) {
        Map<String, String> create = new LinkedHashMap<>(headers);
        create.put("Upload-Length", Integer.toString(length));
        create.put("Upload-Metadata", "target " + b64("work:" + workId) + ",filename " + b64(filename));
        return via.request("POST", "/uploads", create, null);
    }

    static HttpResponse<String> patch(
            HttpTestClient via, Map<String, String> tus, String path, byte[] bytes, int from, int to) {
        Map<String, String> headers = new LinkedHashMap<>(tus);
        headers.put("Upload-Offset", Integer.toString(from));
        headers.put("Content-Type", "application/offset+octet-stream");
        return via.request("PATCH", path, headers, Arrays.copyOfRange(bytes, from, to));
    }

    static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
