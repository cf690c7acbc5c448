package org.cinely.accounts;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.cinely.platform.MemberId;
import org.cinely.platform.security.CurrentMember;
import org.cinely.platform.security.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Only admins manage members: members and moderators are refused, visitors sent to log in. */
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

    @MockitoBean
    AccountService accounts;

    @Test
    void onlyAdminsReachTheMemberList() throws Exception {
        mvc.perform(get("/admin/members")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/admin/members").with(user(MEMBER))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/members").with(user(MODERATOR))).andExpect(status().isForbidden());
        verifyNoInteractions(queries);
    }

    @Test
    void onlyAdminsChangeAMembersStateAndNeverTheirOwn() throws Exception {
        for (CurrentMember who : new CurrentMember[] {MEMBER, MODERATOR}) {
            mvc.perform(post("/admin/members/9/state")
                            .with(user(who))
                            .with(csrf())
                            .param("state", "SUSPENDED")
                            .param("reason", "spam"))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post("/admin/members/9/state").with(user(ADMIN)).param("state", "SUSPENDED"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(accounts);

        mvc.perform(post("/admin/members/73/state")
                        .with(user(ADMIN))
                        .with(csrf())
                        .param("state", "SUSPENDED")
                        .param("reason", "self"))
                .andExpect(status().isFound());
        verify(accounts, never()).changeState(any(), any(), any(), any());

        mvc.perform(post("/admin/members/9/state")
                        .with(user(ADMIN))
                        .with(csrf())
                        .param("state", "SUSPENDED")
                        .param("reason", "spam"))
                .andExpect(status().isFound());
        verify(accounts).changeState(MemberId.of(9), AccountState.SUSPENDED, "spam", MemberId.of(73));
    }
}
