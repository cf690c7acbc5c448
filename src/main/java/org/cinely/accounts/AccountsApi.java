package org.cinely.accounts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cinely.platform.MemberId;
import org.cinely.platform.moderation.Standing;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/** What other modules may ask of accounts. */
@Service
public class AccountsApi {

    private final AccountRepository accounts;
    private final AccountService service;
    private final AccountStandings standings;

    /**
     * Members known to have logged in with the form: once true, {@link #hasLoggedIn} stays true,
     * so the answer is kept and the home page no longer loads the account on every visit.
     */
    private final Cache<Long, Boolean> loggedInBefore =
            Caffeine.newBuilder().maximumSize(100_000).build();

    AccountsApi(AccountRepository accounts, AccountService service, AccountStandings standings) {
        this.accounts = accounts;
        this.service = service;
        this.standings = standings;
    }

    @Transactional(readOnly = true)
    public Optional<MemberSummary> findMember(MemberId id) {
        return accounts.findById(id.value()).map(Account::summary);
    }

    @Transactional(readOnly = true)
    public Optional<MemberSummary> findByHandle(String handle) {
        return accounts.findByHandle(handle).map(Account::summary);
    }

    @Transactional(readOnly = true)
    public Optional<MemberSummary> findByEmail(String email) {
        return accounts.findByEmail(Account.normalizeEmail(email)).map(Account::summary);
    }

    /** Many members in one query (for list pages), keyed by id. */
    @Transactional(readOnly = true)
    public Map<MemberId, MemberSummary> findMembers(Collection<MemberId> ids) {
        List<Long> raw = ids.stream().map(MemberId::value).distinct().toList();
        if (raw.isEmpty()) {
            return Map.of(); // no query for an empty list (a profile without works, say)
        }
        return accounts.findByIdIn(raw).stream()
                .map(Account::summary)
                .collect(Collectors.toMap(MemberSummary::id, Function.identity()));
    }

    /** The member's e-mail address, only once confirmed (for mail another module sends them). */
    @Transactional(readOnly = true)
    public Optional<String> verifiedEmail(MemberId id) {
        return accounts.findById(id.value()).filter(Account::isVerified).map(Account::getEmail);
    }

    /**
     * Whether the member has logged in with the log-in form at least once: a member who only just
     * signed up (and was signed in by it) has not, and is welcomed rather than welcomed back.
     */
    @Transactional(readOnly = true)
    public boolean hasLoggedIn(MemberId id) {
        if (loggedInBefore.getIfPresent(id.value()) != null) {
            return true;
        }
        boolean loggedIn = accounts.findById(id.value())
                .map(account -> account.getLastLoginAt() != null)
                .orElse(false);
        if (loggedIn) {
            loggedInBefore.put(id.value(), true);
        }
        return loggedIn;
    }

    @Transactional(readOnly = true)
    public boolean isVerified(MemberId id) {
        return accounts.findById(id.value()).map(Account::isVerified).orElse(false);
    }

    /**
     * Changes the member's display name and handle with the rules of sign-up (see {@link
     * AccountService#rename}): problems become errors on the fields {@code displayName} and {@code
     * handle} of {@code errors}, and nothing changes while {@code errors} holds any error. Publishes
     * {@link MemberRenamed}; every session the member is signed in with shows the new name from the
     * next page on.
     *
     * @return the member as they are now, or empty when there were errors
     * @throws org.springframework.dao.DataIntegrityViolationException when another member took the
     *     handle at the same moment
     */
    @Transactional
    public Optional<MemberSummary> rename(MemberId member, String displayName, String handle, Errors errors) {
        return service.rename(member, displayName, handle, errors).map(Account::summary);
    }

    /** Suspends, bans or reinstates a member; their current logins end at once. */
    public void changeState(MemberId member, AccountState state, String reason, MemberId changedBy) {
        service.changeState(member, state, reason, changedBy);
    }

    // ---------------------------------------------------------------- moderation (decided and recorded there)

    /** Where the member stands now, as their content shows it. */
    public Standing standing(MemberId member) {
        return standings.standing(member);
    }

    /**
     * Suspends the member until {@code until} (null: until reinstated); their logins end at once on
     * every node.
     */
    public Standing suspend(MemberId member, String reason, Instant until, MemberId by) {
        return standings.suspend(member, reason, until, by);
    }

    /** Bans the member; their logins end at once on every node. */
    public Standing ban(MemberId member, String reason, MemberId by) {
        return standings.ban(member, reason, by);
    }

    /** Lifts a suspension or a ban (a limit stays). */
    public Standing reinstate(MemberId member, MemberId by) {
        return standings.reinstate(member, by);
    }

    /** Marks the member limited (their content reaches only their connections) or lifts it. */
    public Standing limit(MemberId member, boolean limited) {
        return standings.limit(member, limited);
    }

    /** Members whose dated suspension has run out by {@code now}. */
    public List<MemberId> suspensionsEndedBy(Instant now) {
        return standings.suspensionsEndedBy(now);
    }

    /**
     * Grants or revokes a role; open sessions of the member carry it from their next page.
     *
     * @return false when nothing changed or when it would leave no admin
     */
    public boolean changeRole(MemberId member, Role role, MemberId by) {
        return standings.changeRole(member, role, by) == AccountStandings.RoleOutcome.CHANGED;
    }
}
