package org.cinely.test;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;

/**
 * A cookie-keeping HTTP client against the running test server: unlike MockMvc, requests go
 * through Tomcat, so error pages, headers and redirects are exactly what a browser gets.
 */
public class HttpTestClient {

    private final int port;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;

    public HttpTestClient(int port) {
        this.port = port;
        this.client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).header("Accept", "text/html").GET().build());
    }

    public HttpResponse<String> get(String path, String accept) {
        return send(request(path).header("Accept", accept).GET().build());
    }

    /** Posts a form as a browser would: with the CSRF token of the page it came from. */
    public HttpResponse<String> submit(String pagePath, String action, Map<String, String> fields) {
        String page = get(pagePath).body();
        String token = Jsoup.parse(page).select("input[name=_csrf]").val();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", token);
        return post(action, all);
    }

    /** Posts a form without any CSRF token. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path)
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    public void logIn(String email, String password) {
        HttpResponse<String> response = submit("/login", "/login", Map.of("email", email, "password", password));
        if (response.statusCode() != 302) { // a failed log-in shows the form again (200)
            throw new AssertionError("Log-in failed for " + email + ": " + response.statusCode());
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
