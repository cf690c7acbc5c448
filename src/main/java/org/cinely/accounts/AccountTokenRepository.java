package org.cinely.accounts;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AccountTokenRepository extends JpaRepository<AccountToken, Long> {

    Optional<AccountToken> findByTokenHash(String tokenHash);

    /** Spends every open link of one purpose, e.g. older reset links once a new password is set. */
    @Modifying
    @Query("update AccountToken t set t.usedAt = :now "
            + "where t.accountId = :accountId and t.purpose = :purpose and t.usedAt is null")
    int markAllUsed(Long accountId, AccountToken.Purpose purpose, Instant now);
}
