package org.cinely.profiles;

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

import org.cinely.platform.MemberId;
import org.cinely.platform.NotFoundException;
import org.cinely.platform.security.CurrentMember;
import org.cinely.platform.security.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Who may do what on /settings/profile, in a web slice: visitors are sent to log in and reach no
 * service; every change needs a CSRF token; every change is made as the signed-in member (the
 * id comes from the session, whatever the request says); a credit that is not one's own is a 404.
 */
@WebSliceTest(ProfileSettingsController.class)
class ProfileSettingsAccessTests {

    private static final CurrentMember MEMBER =
            new CurrentMember(41, "m@example.com", "slice-member", "Slice Member", "", "MEMBER", true, true, false);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    OwnProfile profiles;

    @Test
    void visitorsAreSentToLogInAndReachNoService() throws Exception {
        mvc.perform(get("/settings/profile")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/settings/profile/credits/7")).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/settings/profile/credits/7/delete").with(csrf())).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/settings/profile/avatar/delete").with(csrf())).andExpect(redirectedUrl("/login"));
        verifyNoInteractions(profiles);
    }

    @Test
    void changesWithoutACsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/settings/profile/credits/7/delete").with(user(MEMBER)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/settings/profile/avatar/delete").with(user(MEMBER))).andExpect(status().isForbidden());
        verifyNoInteractions(profiles);
    }

    @Test
    void changesAreMadeAsTheSignedInMember() throws Exception {
        mvc.perform(post("/settings/profile/credits/7/delete")
                        .with(user(MEMBER))
                        .with(csrf())
                        .param("memberId", "99"))
                .andExpect(status().isFound());
        verify(profiles).deleteCredit(MemberId.of(41), 7);

        mvc.perform(post("/settings/profile/avatar/delete").with(user(MEMBER)).with(csrf()))
                .andExpect(status().isFound());
        verify(profiles).removeAvatar(MemberId.of(41));
    }

    @Test
    void someoneElsesCreditIsNotFound() throws Exception {
        when(profiles.creditForm(eq(MemberId.of(41)), anyLong())).thenThrow(new NotFoundException("credit"));
        when(profiles.updateCredit(eq(MemberId.of(41)), eq(8L), any(), any()))
                .thenThrow(new NotFoundException("credit"));
        mvc.perform(get("/settings/profile/credits/8").with(user(MEMBER))).andExpect(status().isNotFound());
        mvc.perform(post("/settings/profile/credits/8")
                        .with(user(MEMBER))
                        .with(csrf())
                        .param("title", "Not mine")
                        .param("releaseYear", "2020")
                        .param("productionType", "SHORT")
                        .param("role", "editor"))
                .andExpect(status().isNotFound());
        verify(profiles, never()).addCredit(any(), any(), any());
    }
}
