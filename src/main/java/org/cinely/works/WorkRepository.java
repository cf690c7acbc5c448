package org.cinely.works;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface WorkRepository extends JpaRepository<Work, Long> {

    Optional<Work> findByMediaAssetId(Long mediaAssetId);
}
