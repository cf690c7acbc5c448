package org.cinely.accounts;

import java.time.Instant;
import java.util.List;
import org.cinely.platform.MemberId;
import org.cinely.platform.NotFoundException;
import org.cinely.platform.moderation.Standing;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a member stands (suspended, banned, limited, reinstated) and which role they hold. The
 * moderation module decides and records why; this class changes the account, ends the member's
 * open logins on every node when they may no longer log in, and rewrites open sessions when a
 * role changes, so neither waits for the next log-in.
 */
@Service
class AccountStandings {

    /** What a role change did. */
    enum RoleOutcome {
        CHANGED,
        UNCHANGED,
        /** Refused: nobody would be left to manage roles. */
        LAST_ADMIN
    }

    private final AccountRepository accounts;
    private final AccountService service;
    private final ApplicationEventPublisher events;

    AccountStandings(AccountRepository accounts, AccountService service, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.service = service;
        this.events = events;
    }

    @Transactional
    Standing suspend(MemberId member, String reason, Instant until, MemberId by) {
        service.changeState(member, AccountState.SUSPENDED, reason, by);
        Account account = find(member);
        account.suspend(reason, until);
        return account.standing();
    }

    @Transactional
    Standing ban(MemberId member, String reason, MemberId by) {
        service.changeState(member, AccountState.BANNED, reason, by);
        return find(member).standing();
    }

    /** Lifts a suspension or ban; a limit stays until lifted on its own. */
    @Transactional
    Standing reinstate(MemberId member, MemberId by) {
        service.changeState(member, AccountState.ACTIVE, null, by);
        return find(member).standing();
    }

    @Transactional
    Standing limit(MemberId member, boolean limited) {
        Account account = find(member);
        account.limit(limited);
        return account.standing();
    }

    @Transactional(readOnly = true)
    Standing standing(MemberId member) {
        return find(member).standing();
    }

    @Transactional(readOnly = true)
    List<MemberId> suspensionsEndedBy(Instant now) {
        return accounts.findBySuspendedUntilLessThanEqual(now).stream()
                .filter(account -> account.getState() == AccountState.SUSPENDED)
                .map(Account::memberId)
                .toList();
    }

    @Transactional
    RoleOutcome changeRole(MemberId member, Role role, MemberId by) {
        Account account = find(member);
        Role from = account.getRole();
        if (from == role) {
            return RoleOutcome.UNCHANGED;
        }
        // Serialises concurrent demotions: two admins demoting each other at once must not both succeed.
        if (from == Role.ADMIN && accounts.lockAdmins().size() <= 1) {
            return RoleOutcome.LAST_ADMIN;
        }
        account.changeRole(role);
        events.publishEvent(new RoleChanged(member, from, role, by));
        return RoleOutcome.CHANGED;
    }

    private Account find(MemberId member) {
        return accounts.findById(member.value()).orElseThrow(() -> new NotFoundException("member " + member));
    }
}
