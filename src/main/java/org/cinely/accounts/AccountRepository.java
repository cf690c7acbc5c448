package org.cinely.accounts;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccountRepository extends JpaRepository<Account, Long> {

    Optional<Account> findByEmail(String email);

    Optional<Account> findByHandle(String handle);

    boolean existsByEmail(String email);

    boolean existsByHandle(String handle);

    List<Account> findByIdIn(Collection<Long> ids);
}
