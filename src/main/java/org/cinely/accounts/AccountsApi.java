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

    /** Suspends, bans or reinstates a member; their current logins end at once. */
    public void changeState(MemberId member, AccountState state, String reason, MemberId changedBy) {
        service.changeState(member, state, reason, changedBy);
    }
}
