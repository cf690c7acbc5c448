package org.cinely.accounts;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface AccountRepository extends JpaRepository<Account, Long> {

    Optional<Account> findByEmail(String email);

    Optional<Account> findByHandle(String handle);

    boolean existsByEmail(String email);

    boolean existsByHandle(String handle);

    List<Account> findByIdIn(Collection<Long> ids);

    List<Account> findBySuspendedUntilLessThanEqual(Instant now);

    /** The account, locked until the transaction ends (two deletion requests at once: one waits). */
    @Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Account a where a.id = :id")
    Optional<Account> lockById(Long id);

    /** Every admin, locked for the rest of the transaction (see {@link AccountStandings#changeRole}). */
    @Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Account a where a.role = org.cinely.accounts.Role.ADMIN")
    List<Account> lockAdmins();
}
