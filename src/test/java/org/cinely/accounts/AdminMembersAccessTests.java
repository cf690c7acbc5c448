package org.cinely.accounts;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.cinely.platform.security.CurrentMember;
import org.cinely.platform.security.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Moderators and admins find members (decisions are the moderation module's); members are refused, visitors sent to log in. */
@WebSliceTest(AdminMembersController.class)
class AdminMembersAccessTests {

    private static final CurrentMember MEMBER =
            new CurrentMember(71, "m@example.com", "slice-m", "Slice M", "", "MEMBER", true, true, false);
    private static final CurrentMember MODERATOR =
            new CurrentMember(72, "mod@example.com", "slice-mod", "Slice Mod", "", "MODERATOR", true, true, false);
    private static final CurrentMember ADMIN =
            new CurrentMember(73, "a@example.com", "slice-a", "Slice A", "", "ADMIN", true, true, false);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AdminMemberQueries queries;

    @Test
    void onlyModeratorsAndAdminsReachTheMemberList() throws Exception {
        mvc.perform(get("/admin/members")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/admin/members").with(user(MEMBER))).andExpect(status().isForbidden());
        verifyNoInteractions(queries);
        when(queries.find(any(), any(), anyInt(), anyInt()))
                .thenReturn(new AdminMemberQueries.AdminMemberPage(java.util.List.of(), 0, 0, 50));
        mvc.perform(get("/admin/members").with(user(MODERATOR))).andExpect(status().isOk());
        mvc.perform(get("/admin/members").with(user(ADMIN))).andExpect(status().isOk());
    }
}
