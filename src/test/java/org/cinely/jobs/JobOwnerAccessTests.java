package org.cinely.jobs;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.cinely.jobs.JobTypes.ApplicationStatus;
import org.cinely.platform.MemberId;
import org.cinely.platform.NotFoundException;
import org.cinely.platform.security.CurrentMember;
import org.cinely.platform.security.WebSliceTest;
import org.cinely.platform.web.FormErrors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Who may manage a listing and its applicants, in a web slice: visitors are sent to log in, every
 * change needs a CSRF token and is made as the signed-in member, and another poster's listing or
 * applicant is a 404 (the service finds a listing only together with its poster).
 */
@WebSliceTest({JobPostingController.class, ApplicantsController.class})
class JobOwnerAccessTests {

    private static final CurrentMember POSTER =
            new CurrentMember(51, "p@example.com", "slice-poster", "Slice Poster", "", "MEMBER", true, true, false);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    JobPostings jobs;

    @MockitoBean
    JobApplications applications;

    @MockitoBean
    ApplicationQueries queries;

    @MockitoBean
    ApplicantPortfolio portfolio;

    @MockitoBean
    FormErrors formErrors;

    @Test
    void visitorsAreSentToLogInAndReachNoService() throws Exception {
        mvc.perform(get("/jobs/new")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/jobs/3/edit")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/jobs/3/applicants")).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/jobs/3/close").with(csrf())).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/jobs/3/applicants/status")
                        .with(csrf())
                        .param("applicationIds", "9")
                        .param("status", "shortlisted"))
                .andExpect(redirectedUrl("/login"));
        verifyNoInteractions(jobs, applications, queries, portfolio);
    }

    @Test
    void changesWithoutACsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/jobs/3/close").with(user(POSTER))).andExpect(status().isForbidden());
        mvc.perform(post("/jobs/3/applicants/status")
                        .with(user(POSTER))
                        .param("applicationIds", "9")
                        .param("status", "shortlisted"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(jobs, applications);
    }

    @Test
    void changesAreMadeAsTheSignedInPoster() throws Exception {
        mvc.perform(post("/jobs/3/close").with(user(POSTER)).with(csrf()).param("poster", "99"))
                .andExpect(status().isFound());
        verify(jobs).close(3, MemberId.of(51));

        mvc.perform(post("/jobs/3/applicants/status")
                        .with(user(POSTER))
                        .with(csrf())
                        .param("applicationIds", "9", "10")
                        .param("status", "shortlisted"))
                .andExpect(status().isFound());
        verify(applications).changeStatus(3, List.of(9L, 10L), ApplicationStatus.SHORTLISTED, MemberId.of(51));
    }

    @Test
    void anotherPostersListingAndApplicantsAreNotFound() throws Exception {
        when(jobs.ownListing(eq(4L), eq(MemberId.of(51)))).thenThrow(new NotFoundException("listing"));
        when(applications.applicationForPoster(eq(4L), anyLong(), eq(MemberId.of(51))))
                .thenThrow(new NotFoundException("application"));
        mvc.perform(get("/jobs/4/edit").with(user(POSTER))).andExpect(status().isNotFound());
        mvc.perform(get("/jobs/4/applicants/12").with(user(POSTER))).andExpect(status().isNotFound());
        mvc.perform(post("/jobs/4/applicants/12/status")
                        .with(user(POSTER))
                        .with(csrf())
                        .param("status", "hired"))
                .andExpect(status().isNotFound());
        verify(applications, never()).changeStatus(anyLong(), any(), any(), any());
    }
}
