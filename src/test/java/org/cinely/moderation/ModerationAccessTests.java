package org.cinely.moderation;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import org.cinely.accounts.AccountsApi;
import org.cinely.platform.MemberId;
import org.cinely.platform.admin.AdminMetrics;
import org.cinely.platform.moderation.ContentKind;
import org.cinely.platform.moderation.ContentRef;
import org.cinely.platform.security.CurrentMember;
import org.cinely.platform.security.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Who may moderate, in a web slice: the admin pages and every decision need a moderator or an
 * admin (a member gets 403 and reaches nothing), role changes an admin, and every write a CSRF
 * token; a member's report is filed as that member.
 */
@WebSliceTest({
    AdminCasesController.class,
    AdminMembersModerationController.class,
    AdminAppealsController.class,
    AdminAuditController.class,
    AdminDashboardController.class,
    ReportController.class
})
class ModerationAccessTests {

    private static final CurrentMember MEMBER =
            new CurrentMember(81, "m@example.com", "slice-member", "Slice Member", "", "MEMBER", true, true, false);
    private static final CurrentMember MODERATOR =
            new CurrentMember(82, "o@example.com", "slice-mod", "Slice Mod", "", "MODERATOR", true, true, false);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CaseQueue queue;

    @MockitoBean
    CaseRepository cases;

    @MockitoBean
    ReportRepository reports;

    @MockitoBean
    Decisions decisions;

    @MockitoBean
    Contents contents;

    @MockitoBean
    AccountsApi accounts;

    @MockitoBean
    AuditLog audit;

    @MockitoBean
    Clock clock;

    @MockitoBean
    Appeals appeals;

    @MockitoBean
    DecisionRepository decisionRepository;

    @MockitoBean
    ModerationSettings settings;

    @MockitoBean
    AdminMetrics metrics;

    @MockitoBean
    Reporting reporting;

    @MockitoBean
    AppealRepository appealRepository;

    @MockitoBean
    StatementLinks links;

    @Test
    void visitorsAreSentToLogIn() throws Exception {
        for (String page : new String[] {
            "/admin",
            "/admin/reports",
            "/admin/reports/5",
            "/admin/members/5",
            "/admin/appeals",
            "/admin/audit",
            "/report/work/9",
            "/moderation/reports"
        }) {
            mvc.perform(get(page)).andExpect(redirectedUrl("/login"));
        }
        mvc.perform(post("/admin/reports/5/decide").with(csrf())).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/report/work/9").with(csrf()).param("category", "SPAM"))
                .andExpect(redirectedUrl("/login"));
        verifyNoInteractions(queue, decisions, reporting, appeals, audit, settings);
    }

    @Test
    void aMemberReachesNoAdminPageOrAction() throws Exception {
        for (String page : new String[] {
            "/admin", "/admin/reports", "/admin/reports/5", "/admin/members/5", "/admin/appeals", "/admin/audit"
        }) {
            mvc.perform(get(page).with(user(MEMBER))).andExpect(status().isForbidden());
        }
        for (String action : new String[] {
            "/admin/reports/5/assign",
            "/admin/reports/5/decide",
            "/admin/members/5/decide",
            "/admin/members/5/role",
            "/admin/appeals/5",
            "/admin/settings"
        }) {
            mvc.perform(post(action).with(user(MEMBER)).with(csrf())).andExpect(status().isForbidden());
        }
        verifyNoInteractions(queue, cases, decisions, appeals, audit, settings);
    }

    @Test
    void onlyAnAdminChangesRoles() throws Exception {
        mvc.perform(post("/admin/members/5/role")
                        .with(user(MODERATOR))
                        .with(csrf())
                        .param("role", "ADMIN"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(decisions);
    }

    @Test
    void decisionsWithoutACsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/admin/reports/5/decide").with(user(MODERATOR))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/members/5/decide").with(user(MODERATOR))).andExpect(status().isForbidden());
        mvc.perform(post("/report/work/9").with(user(MEMBER)).param("category", "SPAM"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(decisions, reporting);
    }

    @Test
    void aReportIsFiledAsTheSignedInMember() throws Exception {
        mvc.perform(post("/report/work/9")
                        .with(user(MEMBER))
                        .with(csrf())
                        .param("category", "SPAM")
                        .param("note", "Selling followers"))
                .andExpect(redirectedUrl("/moderation/reports"));
        verify(reporting)
                .report(eq(MemberId.of(81)), eq(new ContentRef(ContentKind.WORK, 9)), eq(ReportCategory.SPAM), any());
    }
}
