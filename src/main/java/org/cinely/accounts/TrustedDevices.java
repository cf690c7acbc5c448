package org.cinely.accounts;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Browsers a member has logged in from before (OWASP's "device cookies"): a successful log-in
 * leaves a signed cookie naming that account. Log-in tries from such a browser are limited per
 * browser, not by the account-wide limit, so an attacker guessing a member's password from
 * elsewhere cannot lock the member out of their own browser.
 */
final class TrustedDevices {

    static final String COOKIE = "cinely-device";
    static final Duration LIFETIME = Duration.ofDays(365);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    TrustedDevices(String secret) {
        this.key = ("device:" + secret).getBytes(StandardCharsets.UTF_8);
    }

    /** The device's id if this request carries a device cookie signed for this account. */
    Optional<String> trusted(HttpServletRequest request, String email) {
        if (request.getCookies() == null || email == null) {
            return Optional.empty();
        }
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName()) && cookie.getValue() != null) {
                String[] parts = cookie.getValue().split("\\.");
                if (parts.length == 2
                        && parts[0].length() == 32
                        && MessageDigest.isEqual(
                                sign(parts[0], email).getBytes(StandardCharsets.UTF_8),
                                parts[1].getBytes(StandardCharsets.UTF_8))) {
                    return Optional.of(parts[0]);
                }
            }
        }
        return Optional.empty();
    }

    /** After a successful log-in: this browser is now known for this account. */
    void remember(HttpServletRequest request, HttpServletResponse response, String email) {
        byte[] raw = new byte[16];
        RANDOM.nextBytes(raw);
        String id = HexFormat.of().formatHex(raw);
        Cookie cookie = new Cookie(COOKIE, id + "." + sign(id, email));
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setPath(request.getContextPath() + "/login");
        cookie.setMaxAge((int) LIFETIME.toSeconds());
        response.addCookie(cookie);
    }

    private String sign(String id, String email) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((id + "|" + email).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
