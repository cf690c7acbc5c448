package org.cinely.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Issues and redeems the single-use links in account mail. A link carries 256 random bits;
 * the database keeps only their SHA-256, so neither a leaked table nor a guess yields a working
 * link. Redeeming marks the row used in the caller's transaction.
 */
@Component
class AccountTokens {

    enum Outcome {
        VALID,
        INVALID,
        EXPIRED,
        USED
    }

    record Redemption(Outcome outcome, Long accountId, String newEmail) {

        Redemption(Outcome outcome, Long accountId) {
            this(outcome, accountId, null);
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final AccountTokenRepository tokens;
    private final Clock clock;

    AccountTokens(AccountTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** Creates a link secret for the account; the raw value goes into the mail, never the database. */
    String issue(Long accountId, AccountToken.Purpose purpose, Duration lifetime) {
        return issue(accountId, purpose, lifetime, null);
    }

    /** A link that carries a new e-mail address (a change of address, confirmed at the new one). */
    String issue(Long accountId, AccountToken.Purpose purpose, Duration lifetime, String newEmail) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String raw = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        tokens.save(new AccountToken(accountId, purpose, hash(raw), now, now.plus(lifetime)).withNewEmail(newEmail));
        return raw;
    }

    /** Looks a secret up without spending it (to decide which page to show). */
    Redemption check(String raw, AccountToken.Purpose purpose) {
        return find(raw, purpose)
                .map(token -> new Redemption(outcomeOf(token), token.getAccountId(), token.getNewEmail()))
                .orElse(new Redemption(Outcome.INVALID, null));
    }

    /** Spends a secret: valid only once, before it expires, for the purpose it was issued for. */
    Redemption redeem(String raw, AccountToken.Purpose purpose) {
        Optional<AccountToken> found = find(raw, purpose);
        if (found.isEmpty()) {
            return new Redemption(Outcome.INVALID, null);
        }
        AccountToken token = found.get();
        Outcome outcome = outcomeOf(token);
        if (outcome == Outcome.VALID) {
            token.markUsed(clock.instant());
        }
        return new Redemption(outcome, token.getAccountId(), token.getNewEmail());
    }

    void spendAll(Long accountId, AccountToken.Purpose purpose) {
        tokens.markAllUsed(accountId, purpose, clock.instant());
    }

    private Optional<AccountToken> find(String raw, AccountToken.Purpose purpose) {
        if (raw == null || raw.isBlank() || raw.length() > 100) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(hash(raw)).filter(token -> token.getPurpose() == purpose);
    }

    private Outcome outcomeOf(AccountToken token) {
        if (token.isUsed()) {
            return Outcome.USED;
        }
        if (token.isExpired(clock.instant())) {
            return Outcome.EXPIRED;
        }
        return Outcome.VALID;
    }

    static String hash(String raw) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
