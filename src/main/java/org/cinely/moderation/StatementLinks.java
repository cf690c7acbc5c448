package org.cinely.moderation;

import static org.cinely.moderation.jooq.Tables.MODERATION_SETTINGS;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Signed links to a decision's statement of reasons. A suspended or banned member cannot log in,
 * yet must be able to read why and to appeal: the link in their notification and e-mail carries
 * an HMAC of the decision id, with a key kept in the database (one for every node, made on first
 * use).
 */
@Component
class StatementLinks {

    private static final String KEY = "statement-link-key";

    private final DSLContext dsl;
    private volatile byte[] key;

    StatementLinks(DSLContext dsl) {
        this.dsl = dsl;
    }

    String path(long decisionId) {
        return "/moderation/statement/" + decisionId + "?s=" + signature(decisionId);
    }

    boolean valid(long decisionId, String signature) {
        return signature != null
                && MessageDigest.isEqual(
                        signature(decisionId).getBytes(StandardCharsets.US_ASCII),
                        signature.getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(long decisionId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] sum = mac.doFinal(("decision:" + decisionId).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sum).substring(0, 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        if (key == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            // The first node to store one wins; everyone then reads the same key.
            dsl.insertInto(MODERATION_SETTINGS)
                    .set(MODERATION_SETTINGS.NAME, KEY)
                    .set(MODERATION_SETTINGS.VALUE, Base64.getEncoder().encodeToString(fresh))
                    .onDuplicateKeyIgnore()
                    .execute();
            key = Base64.getDecoder()
                    .decode(dsl.select(MODERATION_SETTINGS.VALUE)
                            .from(MODERATION_SETTINGS)
                            .where(MODERATION_SETTINGS.NAME.eq(KEY))
                            .fetchSingle(MODERATION_SETTINGS.VALUE));
        }
        return key;
    }
}
