package org.cinely.feed;

import static org.cinely.feed.jooq.Tables.FEED_KEYS;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Signs what the feed hands out to be brought back without a log-in (the one-click unsubscribe
 * link in every mail). The key is made once, on first use, and kept in the database, so every
 * node signs and checks alike and links survive restarts.
 */
@Component
class FeedKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DSLContext dsl;
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

    FeedKeys(DSLContext dsl) {
        this.dsl = dsl;
    }

    String sign(String purpose, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(purpose), "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compared in constant time. */
    boolean verify(String purpose, String message, String signature) {
        return signature != null
                && MessageDigest.isEqual(
                        sign(purpose, message).getBytes(StandardCharsets.US_ASCII),
                        signature.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] key(String purpose) {
        return keys.computeIfAbsent(purpose, name -> {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            dsl.insertInto(FEED_KEYS)
                    .set(FEED_KEYS.NAME, name)
                    .set(FEED_KEYS.SECRET, Base64.getEncoder().encodeToString(fresh))
                    .onDuplicateKeyIgnore()
                    .execute();
            String stored = dsl.select(FEED_KEYS.SECRET)
                    .from(FEED_KEYS)
                    .where(FEED_KEYS.NAME.eq(name))
                    .fetchSingle(FEED_KEYS.SECRET);
            return Base64.getDecoder().decode(stored);
        });
    }
}
