package org.cinely.jobs;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface JobListingRepository extends JpaRepository<JobListing, Long> {

    @EntityGraph(attributePaths = "crafts")
    Optional<JobListing> findWithCraftsById(Long id);

    @Query("select count(j) from JobListing j where j.posterId = :posterId and j.createdAt > :since")
    long countPostedSince(Long posterId, java.time.Instant since);

    @EntityGraph(attributePaths = "crafts")
    List<JobListing> findByPosterId(Long posterId);
}

interface JobApplicationRepository extends JpaRepository<JobApplication, Long> {

    Optional<JobApplication> findByJobIdAndApplicantId(Long jobId, Long applicantId);

    @EntityGraph(attributePaths = "workIds")
    Optional<JobApplication> findByIdAndJobId(Long id, Long jobId);

    List<JobApplication> findByJobIdAndIdIn(Long jobId, List<Long> ids);
}

interface SavedSearchRepository extends JpaRepository<SavedSearch, Long> {

    List<SavedSearch> findByMemberIdOrderByCreatedAtDesc(Long memberId);

    Optional<SavedSearch> findByIdAndMemberId(Long id, Long memberId);

    long countByMemberId(Long memberId);
}
