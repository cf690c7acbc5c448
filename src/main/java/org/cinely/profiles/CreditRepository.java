package org.cinely.profiles;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CreditRepository extends JpaRepository<Credit, Long> {

    /** Newest first; within a year, the most recently added first. */
    List<Credit> findByMemberIdOrderByReleaseYearDescIdDesc(long memberId);

    /** The owner check: a credit id from a URL is only found together with its owner's id. */
    Optional<Credit> findByIdAndMemberId(long id, long memberId);

    long countByMemberId(long memberId);
}
