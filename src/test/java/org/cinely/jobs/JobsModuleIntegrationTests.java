package org.cinely.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.cinely.accounts.AccountsApi;
import org.cinely.connections.ConnectionsApi;
import org.cinely.jobs.JobTypes.Compensation;
import org.cinely.jobs.JobTypes.PayUnit;
import org.cinely.jobs.JobTypes.UnionStatus;
import org.cinely.platform.MemberId;
import org.cinely.platform.ProductionType;
import org.cinely.platform.moderation.Standing;
import org.cinely.profiles.ProfilesApi;
import org.cinely.works.WorksApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.validation.BeanPropertyBindingResult;

/**
 * The jobs module alone (with platform): posting a listing announces it, a member's saved search
 * that fits it is matched once (a redelivered announcement matches nothing twice), one that asks
 * for another craft is not, and an edit or a close is announced by the listing itself. The
 * modules jobs calls are stand-ins here.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
class JobsModuleIntegrationTests {

    @MockitoBean
    AccountsApi accounts;

    @MockitoBean
    ConnectionsApi connections;

    @MockitoBean
    ProfilesApi profiles;

    @MockitoBean
    WorksApi works;

    @Autowired
    JobPostings postings;

    @Autowired
    SavedSearchRepository searches;

    @Autowired
    JdbcTemplate jdbc;

    final MemberId poster = someMember();
    final MemberId gafferSeeker = someMember();
    final MemberId coloristSeeker = someMember();

    private static MemberId someMember() {
        return MemberId.of(ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L));
    }

    @BeforeEach
    void setUp() {
        when(accounts.standing(any())).thenReturn(Standing.ACTIVE);
        searches.save(new SavedSearch(gafferSeeker, "Gaffer work", query("gaffer"), true, Instant.now()));
        searches.save(new SavedSearch(coloristSeeker, "Grading", query("colorist"), true, Instant.now()));
    }

    @AfterEach
    void removeTheirRows() {
        new JobsTestData(jdbc).removeMembersAfter(999_999_999L);
    }

    private static String query(String craft) {
        return JobSearch.from(Map.of("craft", List.of(craft))).toQueryString(false);
    }

    private static JobForm gafferJob(String title) {
        return new JobForm(
                title,
                List.of("gaffer"),
                "The Long Dark",
                ProductionType.FEATURE,
                "Northlight Pictures",
                "Glasgow",
                "GB",
                false,
                LocalDate.now().plusDays(20),
                LocalDate.now().plusDays(25),
                Compensation.PAID,
                new BigDecimal("350"),
                PayUnit.DAY,
                "GBP",
                UnionStatus.EITHER,
                "Five night exteriors on the Clyde; lighting a wet street from a cherry picker.",
                false,
                false,
                false,
                null,
                30);
    }

    private JobListing post(String title) {
        var errors = new BeanPropertyBindingResult(gafferJob(title), "job");
        JobListing listing = postings.post(poster, gafferJob(title), errors).orElseThrow();
        assertThat(errors.hasErrors()).isFalse();
        return listing;
    }

    private boolean everyListenerDone() {
        Integer open = jdbc.queryForObject(
                "select count(*) from EVENT_PUBLICATION where COMPLETION_DATE is null", Integer.class);
        return open != null && open == 0;
    }

    private int matchesOf(MemberId member) {
        return jdbc.queryForObject(
                "select count(*) from job_saved_search_matches m join job_saved_searches s on s.id = m.saved_search_id"
                        + " where s.member_id = ?",
                Integer.class,
                member.value());
    }

    @Test
    void aPostedListingMatchesTheSavedSearchThatFitsItOnceAndNoOther(Scenario scenario) {
        JobListing[] posted = new JobListing[1];
        scenario.stimulate(() -> posted[0] = post("Gaffer for a five-night shoot"))
                .andWaitForEventOfType(SavedSearchMatched.class)
                .matching(event -> event.member().equals(gafferSeeker))
                .toArriveAndVerify(event -> {
                    assertThat(event.job()).isEqualTo(posted[0].jobId());
                    assertThat(event.searchName()).isEqualTo("Gaffer work");
                    assertThat(event.jobTitle()).isEqualTo("Gaffer for a five-night shoot");
                });

        scenario.publish(new JobPosted(
                        posted[0].jobId(), poster, "Gaffer for a five-night shoot", posted[0].getCrafts()))
                .andWaitForStateChange(this::everyListenerDone)
                .andVerify(done -> {
                    assertThat(matchesOf(gafferSeeker)).isEqualTo(1);
                    assertThat(matchesOf(coloristSeeker)).isZero();
                });
    }

    @Test
    void aListingAnnouncesItsOwnEditAndClose(Scenario scenario) {
        JobListing listing = post("Gaffer, nights");
        scenario.stimulate(() -> postings.edit(
                        listing.getId(),
                        poster,
                        gafferJob("Gaffer, nights (paid)"),
                        new BeanPropertyBindingResult(gafferJob("x"), "job")))
                .andWaitForEventOfType(JobEdited.class)
                .matching(event -> event.job().equals(listing.jobId()))
                .toArriveAndVerify(event -> {
                    assertThat(event.poster()).isEqualTo(poster);
                    assertThat(event.title()).isEqualTo("Gaffer, nights (paid)");
                });

        scenario.stimulate(() -> postings.close(listing.getId(), poster))
                .andWaitForEventOfType(JobClosed.class)
                .matching(event -> event.job().equals(listing.jobId()))
                .toArriveAndVerify(event -> assertThat(event.poster()).isEqualTo(poster));
    }
}
