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

    /**
     * Sends a file as a browser sends the form on {@code pagePath} whose action starts with
     * {@code action}: to that form's action (as the page wrote it), multipart, with the form's
     * hidden fields (the CSRF token) after the file, where the page puts them.
     */
    public HttpResponse<String> upload(String pagePath, String action, String field, String filename, byte[] bytes) {
        org.jsoup.nodes.Element form = Jsoup.parse(get(pagePath).body())
                .select("form[enctype=multipart/form-data][action^=" + action + "]")
                .first();
        if (form == null) {
            throw new AssertionError("No upload form for " + action + " on " + pagePath);
        }
        String boundary = "----cinely" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                        + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        body.writeBytes(head);
        body.writeBytes(bytes);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        for (org.jsoup.nodes.Element hidden : form.select("input[type=hidden]")) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + hidden.attr("name")
                            + "\"\r\n\r\n" + hidden.val() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(form.attr("action"))
                .header("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    }

    /** Any request, as a script on a page sends it (headers such as a CSRF token are the caller's). */
    public HttpResponse<String> request(String method, String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder builder = request(path)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(builder::header);
        return send(builder.build());
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
