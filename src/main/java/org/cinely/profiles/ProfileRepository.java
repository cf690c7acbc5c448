package org.cinely.profiles;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ProfileRepository extends JpaRepository<Profile, Long> {

    @EntityGraph(attributePaths = "crafts")
    Optional<Profile> findByHandle(String handle);

    boolean existsByHandle(String handle);

    @Modifying
    @Query("update Profile p set p.lastActiveAt = :now where p.memberId = :memberId")
    int touch(long memberId, Instant now);
}
