package org.cinely.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.cinely.test.CinelyIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Every feed journey of {@link FeedIntegrationTests} (a connection's new work, narrowed, deleted,
 * blocked, likes grouped and taken back, paging) again with the first page kept for an hour
 * ({@link FirstPageCache}): each still shows its change on the next page, so what keeps the page
 * current is the cache being dropped by the change, never its expiry.
 */
@CinelyIntegrationTest
@TestPropertySource(properties = "cinely.feed.first-page-max-age=1h")
class FirstPageCacheIntegrationTests extends FeedIntegrationTests {

    @Test
    void theFirstPageIsKeptUntilSomethingOnThisNodeChangesIt() throws Exception {
        long work = publishedWork(owner, "Kept Frames", "PUBLIC");
        assertThat(entries(home(friend))).containsExactly("Jonas Feed shared a new work: Kept Frames");

        // Changed behind the application's back (as another node would): this node keeps its page.
        data.jdbc().update("update works set visibility = 'PRIVATE' where id = ?", work);
        assertThat(entries(home(friend))).containsExactly("Jonas Feed shared a new work: Kept Frames");

        // Any member's write on this node (here: a stranger marks their notifications read) drops
        // the kept pages; the rule then hides the work.
        mvc.perform(post("/notifications/read-all")
                        .with(user(stranger.principal()))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(entries(home(friend))).isEmpty();
    }
}
