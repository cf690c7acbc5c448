package org.cinely.works;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.argThat;
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

import org.cinely.accounts.AccountsApi;
import org.cinely.media.MediaApi;
import org.cinely.platform.NotFoundException;
import org.cinely.platform.security.CurrentMember;
import org.cinely.platform.security.WebSliceTest;
import org.cinely.platform.web.FormErrors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Who may act on works, in a web slice: making, editing, deleting, liking and commenting need a
 * signed-in member and a CSRF token, liking and commenting a confirmed e-mail; another member's
 * work is "not found" for its owner's actions; each action is taken as the signed-in member.
 */
@WebSliceTest({WorksController.class, WorkMediaController.class})
class WorksAccessTests {

    private static final CurrentMember MEMBER =
            new CurrentMember(71, "w@example.com", "slice-works", "Slice Works", "", "MEMBER", true, true, false);
    private static final CurrentMember UNVERIFIED =
            new CurrentMember(72, "u@example.com", "slice-unverified", "Slice U", "", "MEMBER", false, true, false);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    WorkService works;

    @MockitoBean
    WorkExtras extras;

    @MockitoBean
    WorkQueries queries;

    @MockitoBean
    MediaApi media;

    @MockitoBean
    AccountsApi accounts;

    @MockitoBean
    WorkSocial social;

    @MockitoBean
    WorkVisibility visibility;

    @MockitoBean
    WorkCredits credits;

    @MockitoBean
    FormErrors formErrors;

    @MockitoBean
    WorkTrash trash;

    @Test
    void visitorsAreSentToLogInForEveryWriteAndReachNoService() throws Exception {
        mvc.perform(get("/works/new")).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/works").with(csrf()).param("title", "x")).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/works/3").with(csrf()).param("title", "x")).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/works/3/delete").with(csrf())).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/works/3/restore").with(csrf())).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/works/3/like").with(csrf())).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/works/3/comments").with(csrf()).param("body", "hi")).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/works/3/credits/4/confirm").with(csrf())).andExpect(redirectedUrl("/login"));
        verifyNoInteractions(works, extras, social, credits);
    }

    @Test
    void writesWithoutACsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/works/3/delete").with(user(MEMBER))).andExpect(status().isForbidden());
        mvc.perform(post("/works/3/like").with(user(MEMBER))).andExpect(status().isForbidden());
        mvc.perform(post("/works/3/comments").with(user(MEMBER)).param("body", "hi"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(works, social);
    }

    @Test
    void likingAndCommentingNeedAConfirmedAddress() throws Exception {
        mvc.perform(post("/works/3/like").with(user(UNVERIFIED)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/works/3/comments")
                        .with(user(UNVERIFIED))
                        .with(csrf())
                        .param("body", "hi"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(social);
    }

    @Test
    void anotherMembersWorkIsNotFoundForTheOwnersActions() throws Exception {
        when(works.findOwned(eq(9L), any())).thenThrow(new NotFoundException("work"));
        mvc.perform(post("/works/9/delete").with(user(MEMBER)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/works/9/delete").with(user(MEMBER))).andExpect(status().isNotFound());
        mvc.perform(get("/works/9/edit").with(user(MEMBER))).andExpect(status().isNotFound());
        mvc.perform(get("/works/9/status").with(user(MEMBER))).andExpect(status().isNotFound());
        verify(works, never()).trash(any());
        verify(works, never()).restore(anyLong(), any());
        verify(works, never()).update(any(), any(), any(), any());
    }

    @Test
    void aLikeIsTakenAsTheSignedInMemberWithWhatTheButtonAsked() throws Exception {
        mvc.perform(post("/works/3/like").with(user(MEMBER)).with(csrf()).param("like", "true"))
                .andExpect(redirectedUrl("/works/3#likes"));
        verify(social).like(eq(3L), argThat(member -> member.id().value() == 71), eq(Boolean.TRUE));
        verify(social, never()).like(anyLong(), argThat(member -> member.id().value() != 71), any());
    }
}
