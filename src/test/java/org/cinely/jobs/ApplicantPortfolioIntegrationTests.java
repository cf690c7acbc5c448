package org.cinely.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.cinely.platform.MemberId;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.cinely.test.TestMembers;
import org.cinely.test.TestMembers.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/** An applicant's portfolio comes from the modules that own it: profile credits and shared works. */
@CinelyIntegrationTest
class ApplicantPortfolioIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ApplicantPortfolio portfolio;

    @Autowired
    PasswordEncoder encoder;

    TestMembers members;

    @BeforeEach
    void mark() {
        data.mark();
        members = new TestMembers(data.jdbc(), encoder);
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    @Test
    void theApplicantsProfileCreditsAreShownWithTheirRoleNewestFirst() throws Exception {
        Member lars = members.create("Lars Jensen");
        addCredit(lars, "Northern Lights", "2021", "gaffer");
        addCredit(lars, "Harbour", "2024", "key-grip");

        assertThat(portfolio.credits(MemberId.of(lars.id())))
                .containsExactly(
                        new ApplicantPortfolio.Credit("Harbour", "Key grip", 2024),
                        new ApplicantPortfolio.Credit("Northern Lights", "Gaffer", 2021));
    }

    @Test
    void aMemberWithoutSharedWorkHasNothingToAttachAndUnknownIdsAreDropped() {
        Member lars = members.create("Lars Jensen");
        assertThat(portfolio.shareableWorks(MemberId.of(lars.id()))).isEmpty();
        assertThat(portfolio.works(MemberId.of(lars.id()), java.util.List.of(1L, 2L)))
                .isEmpty();
    }

    private void addCredit(Member member, String title, String year, String role) throws Exception {
        mvc.perform(post("/settings/profile/credits")
                .with(csrf())
                .with(user(member.principal()))
                .param("title", title)
                .param("releaseYear", year)
                .param("productionType", "FEATURE")
                .param("role", role));
    }
}
