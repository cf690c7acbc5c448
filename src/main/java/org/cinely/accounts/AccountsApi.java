package org.cinely.accounts;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cinely.platform.MemberId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/** What other modules may ask of accounts. */
@Service
public class AccountsApi {

    private final AccountRepository accounts;
    private final AccountService service;

    AccountsApi(AccountRepository accounts, AccountService service) {
        this.accounts = accounts;
        this.service = service;
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
        return accounts.findByIdIn(raw).stream()
                .map(Account::summary)
                .collect(Collectors.toMap(MemberSummary::id, Function.identity()));
    }

    /** The member's e-mail address, only once confirmed (for mail another module sends them). */
    @Transactional(readOnly = true)
    public Optional<String> verifiedEmail(MemberId id) {
        return accounts.findById(id.value()).filter(Account::isVerified).map(Account::getEmail);
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
}
