package org.cinely.profiles;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ProfileRepository extends JpaRepository<Profile, Long> {

    @EntityGraph(attributePaths = "crafts")
    Optional<Profile> findByHandle(String handle);

    /** Newest first. Crafts load in one batch for the whole page (@BatchSize), not per row. */
    @Query(value = "select p from Profile p order by p.memberId desc", countQuery = "select count(p) from Profile p")
    Page<Profile> findNewest(Pageable pageable);

    @Query(
            value = "select p from Profile p where :craft member of p.crafts order by p.memberId desc",
            countQuery = "select count(p) from Profile p where :craft member of p.crafts")
    Page<Profile> findNewestWithCraft(Craft craft, Pageable pageable);
}
