package org.cinely.works;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface WorkRepository extends JpaRepository<Work, Long> {

    Optional<Work> findByMediaAssetId(Long mediaAssetId);

    java.util.List<Work> findByTitle(String title);

    /** The work, its row locked for the rest of the transaction: edits of one work queue up. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select w from Work w where w.id = :id")
    Optional<Work> lockById(@Param("id") long id);
}
