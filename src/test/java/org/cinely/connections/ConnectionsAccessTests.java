package org.cinely.connections;

import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Optional;
import org.cinely.platform.MemberId;
import org.cinely.platform.NotFoundException;
import org.cinely.platform.security.CurrentMember;
import org.cinely.platform.security.WebSliceTest;
import org.cinely.profiles.ProfilesApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Who may act on connections, in a web slice: every connections page and action needs a signed-in
 * member and (for actions) a CSRF token; each action is taken as that member, on a request the
 * service finds only among the member's own.
 */
@WebSliceTest(ConnectionsController.class)
class ConnectionsAccessTests {

    private static final CurrentMember MEMBER =
            new CurrentMember(61, "c@example.com", "slice-conn", "Slice Conn", "", "MEMBER", true, true, false);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ConnectionService connections;

    @MockitoBean
    ConnectionQueries queries;

    @MockitoBean
    ConnectionsApi api;

    @MockitoBean
    ProfilesApi profiles;

    @Test
    void visitorsAreSentToLogInAndReachNoService() throws Exception {
        mvc.perform(get("/connections")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/connections/requests")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/connections/blocked")).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/connections/requests/5/accept").with(csrf())).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/members/someone/block").with(csrf())).andExpect(redirectedUrl("/login"));
        verifyNoInteractions(connections, queries, api, profiles);
    }

    @Test
    void actionsWithoutACsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/connections/requests/5/accept").with(user(MEMBER))).andExpect(status().isForbidden());
        mvc.perform(post("/connections/requests/5/decline").with(user(MEMBER))).andExpect(status().isForbidden());
        mvc.perform(post("/members/someone/block").with(user(MEMBER))).andExpect(status().isForbidden());
        verifyNoInteractions(connections);
    }

    @Test
    void actionsAreTakenAsTheSignedInMember() throws Exception {
        when(connections.decline(MemberId.of(61), 5)).thenReturn(MemberId.of(7));
        mvc.perform(post("/connections/requests/5/decline").with(user(MEMBER)).with(csrf()))
                .andExpect(status().isFound());
        verify(connections).decline(MemberId.of(61), 5);

        when(profiles.memberIdOf("someone")).thenReturn(Optional.of(MemberId.of(8)));
        mvc.perform(post("/members/someone/block").with(user(MEMBER)).with(csrf()))
                .andExpect(status().isFound());
        verify(connections).block(MemberId.of(61), MemberId.of(8));
    }

    @Test
    void aRequestThatIsNotOnesOwnIsNotFound() throws Exception {
        when(connections.decline(eq(MemberId.of(61)), eq(6L))).thenThrow(new NotFoundException("request"));
        mvc.perform(post("/connections/requests/6/decline").with(user(MEMBER)).with(csrf()))
                .andExpect(status().isNotFound());
        when(profiles.memberIdOf("nobody")).thenReturn(Optional.empty());
        mvc.perform(post("/members/nobody/block").with(user(MEMBER)).with(csrf()))
                .andExpect(status().isNotFound());
    }
}
