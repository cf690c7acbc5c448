package org.cinely.accounts;

import java.io.IOException;
import java.time.Instant;
import org.cinely.platform.MemberId;
import org.cinely.platform.account.MemberData;
import org.cinely.platform.account.MemberDataArchive;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account's part of the member's download. Its erasure is {@link AccountDeletions}' own last
 * step (the account row becomes an anonymised tombstone), so {@link #erase} has nothing to do.
 */
@Component
class AccountsMemberData implements MemberData {

    record AccountExport(
            long id,
            String email,
            boolean emailVerified,
            String handle,
            String displayName,
            String role,
            String state,
            Instant createdAt,
            Instant lastLoginAt,
            Instant deletionDueAt) {}

    private final AccountRepository accounts;

    AccountsMemberData(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    @Transactional(readOnly = true)
    public void export(MemberId member, MemberDataArchive archive) throws IOException {
        Account account = accounts.findById(member.value()).orElseThrow();
        archive.json(
                "account.json",
                new AccountExport(
                        account.getId(),
                        account.getEmail(),
                        account.isVerified(),
                        account.getHandle(),
                        account.getDisplayName(),
                        account.getRole().name(),
                        account.getState().name(),
                        account.getCreatedAt(),
                        account.getLastLoginAt(),
                        account.getDeletionDueAt()));
    }

    @Override
    public void erase(MemberId member) {
        // the tombstone is written by AccountDeletions after every other module erased its part
    }
}
