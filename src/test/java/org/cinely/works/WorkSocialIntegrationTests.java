package org.cinely.works;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.cinely.platform.security.CurrentMember;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Credits (confirmed by the credited member), likes and comments on a work. */
@CinelyIntegrationTest
@org.springframework.test.context.event.RecordApplicationEvents
class WorkSocialIntegrationTests {

    @Autowired
    org.springframework.test.context.event.ApplicationEvents events;

    @Autowired
    WorkRepository repository;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    /** The work registers its own event when its video first becomes playable; only the first time. */
    @Test
    void aWorkIsPublishedOnceWhenItsVideoFirstPlays() throws Exception {
        long id = mvc.perform(post("/works")
                        .with(user(owner))
                        .with(csrf())
                        .param("title", "First Light")
                        .param("type", "SHORT")
                        .param("credits", "")
                        .param("visibility", "PUBLIC"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl()
                .replaceAll("\\D", "")
                .transform(Long::parseLong);
        events.clear();
        for (int i = 0; i < 2; i++) {
            tx.executeWithoutResult(status -> {
                Work work = repository.findById(id).orElseThrow();
                work.becamePlayable(java.time.Instant.now());
                repository.save(work);
            });
        }
        assertThat(events.stream(WorkPublished.class)).singleElement().satisfies(published -> {
            assertThat(published.workId()).isEqualTo(id);
            assertThat(published.owner()).isEqualTo(owner.id());
            assertThat(published.title()).isEqualTo("First Light");
        });
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    WorksApi worksApi;

    CurrentMember owner;
    CurrentMember crew;
    CurrentMember stranger;

    @BeforeEach
    void mark() {
        data.mark();
        owner = WorksTestSupport.member(data.jdbc(), "{noop}x");
        crew = WorksTestSupport.member(data.jdbc(), "{noop}x");
        stranger = WorksTestSupport.member(data.jdbc(), "{noop}x");
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    Document page(String path, CurrentMember viewer) throws Exception {
        var request = get(path);
        if (viewer != null) {
            request = request.with(user(viewer));
        }
        return Jsoup.parse(mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    long work(String credits) throws Exception {
        String location = mvc.perform(post("/works")
                        .with(user(owner))
                        .with(csrf())
                        .param("title", "Harbour Lights")
                        .param("type", "DOCUMENTARY")
                        .param("credits", credits)
                        .param("visibility", "PUBLIC"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.replaceAll("\\D", ""));
        // As if its video were transcoded (the upload tests cover that path).
        data.jdbc().update("update works set playable = true, published_at = now(6) where id = ?", id);
        return id;
    }

    @Test
    void creditsNameMembersByHandleAndShowOnceConfirmed() throws Exception {
        // An unknown handle or craft is explained beside the field and what was typed is kept.
        Document refused = Jsoup.parse(mvc.perform(post("/works")
                        .with(user(owner))
                        .with(csrf())
                        .param("title", "Harbour Lights")
                        .param("type", "DOCUMENTARY")
                        .param("credits", "@nobody-here-at-all director\n@" + crew.handle() + " juggler")
                        .param("visibility", "PUBLIC"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(refused.select("#credits-error").text())
                .contains("No member has the handle @nobody-here-at-all")
                .contains("\"juggler\" is not a craft");
        assertThat(refused.select("#title").val()).isEqualTo("Harbour Lights");

        long id = work("@" + crew.handle() + " cinematographer");
        assertThat(page("/works/" + id, stranger).select(".credits")).isEmpty(); // pending: not shown to others
        Document forCrew = page("/works/" + id, crew);
        assertThat(forCrew.select(".credits").text()).contains("Cinematographer", "awaiting confirmation");
        String confirm = forCrew.select("form[action$=/confirm]").attr("action");

        mvc.perform(post(confirm).with(user(stranger)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post(confirm).with(user(crew)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(page("/works/" + id, stranger).select(".credits").text())
                .contains("Cinematographer")
                .doesNotContain("awaiting");
        assertThat(worksApi.confirmedCreditsOf(crew.id(), 0, 20).items())
                .singleElement()
                .satisfies(credit -> assertThat(credit.craft()).isEqualTo("cinematographer"));
        assertThat(worksApi.worksOf(owner.id(), null, 0, 12).items())
                .extracting(WorkCard::id)
                .containsExactly(id);
    }

    void block(CurrentMember blocker, CurrentMember blocked) {
        data.jdbc()
                .update(
                        "insert into member_blocks (blocker_id, blocked_id, created_at) values (?, ?, now(6))",
                        blocker.id().value(),
                        blocked.id().value());
    }

    int count(String table, long workId) {
        return data.jdbc()
                .queryForObject("select count(*) from " + table + " where work_id = ?", Integer.class, workId);
    }

    @Test
    void likesAreLimitedTo60In10Minutes() throws Exception {
        long id = work("");
        for (int i = 0; i < 60; i++) {
            mvc.perform(post("/works/" + id + "/like").with(user(crew)).with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
        mvc.perform(post("/works/" + id + "/like").with(user(crew)).with(csrf()))
                .andExpect(status().isTooManyRequests())
                .andExpect(result -> assertThat(result.getResponse().getHeader("Retry-After"))
                        .isNotNull());
    }

    /** Blocking is enforced wherever one member reaches another through a work, both ways. */
    @Test
    void aBlockedMemberCannotSeeLikeCommentOnOrBeCreditedOnTheBlockersWork() throws Exception {
        long id = work("");
        block(owner, stranger);
        mvc.perform(get("/works/" + id).with(user(stranger))).andExpect(status().isNotFound());
        mvc.perform(post("/works/" + id + "/like").with(user(stranger)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/works/" + id + "/comments")
                        .with(user(stranger))
                        .with(csrf())
                        .param("body", "Lovely light"))
                .andExpect(status().isNotFound());
        assertThat(count("work_likes", id)).isZero();
        assertThat(count("work_comments", id)).isZero();

        // The owner cannot credit the member they blocked, nor someone who blocked them.
        block(crew, owner);
        for (CurrentMember blocked : new CurrentMember[] {stranger, crew}) {
            Document refused = Jsoup.parse(mvc.perform(post("/works/" + id)
                            .with(user(owner))
                            .with(csrf())
                            .param("title", "Harbour Lights")
                            .param("type", "DOCUMENTARY")
                            .param("credits", "@" + blocked.handle() + " gaffer")
                            .param("visibility", "PUBLIC"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString());
            assertThat(refused.select("#credits-error").text()).contains("You can’t credit a member");
        }
        assertThat(count("work_credits", id)).isZero();
        // A member with no block either way still sees the work.
        assertThat(page("/works/" + id, null).select("h1").text()).isEqualTo("Harbour Lights");
    }

    @Test
    void anUnreadableYearAMissingTitleAndABadCreditShowTogether() throws Exception {
        long before = data.jdbc().queryForObject("select count(*) from works", Long.class);
        Document refused = Jsoup.parse(mvc.perform(post("/works")
                        .with(user(owner))
                        .with(csrf())
                        .param("title", "")
                        .param("type", "DOCUMENTARY")
                        .param("year", "<b>nineteen</b>")
                        .param("credits", "@" + crew.handle() + " juggler")
                        .param("visibility", "PUBLIC"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        // Every problem in one response, and the unreadable year kept as typed (escaped).
        assertThat(refused.select("#year-error").text()).isNotBlank();
        assertThat(refused.select("#title-error").text()).isNotBlank();
        assertThat(refused.select("#credits-error").text()).contains("\"juggler\" is not a craft");
        assertThat(refused.select("#year").val()).isEqualTo("<b>nineteen</b>");
        assertThat(refused.select("b")).isEmpty();
        assertThat(data.jdbc().queryForObject("select count(*) from works", Long.class))
                .isEqualTo(before);
    }

    @Test
    void likesToggleAndCommentsAreEscapedEditableAndDeletable() throws Exception {
        long id = work("");
        mvc.perform(post("/works/" + id + "/like").with(user(stranger)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/works/" + id, stranger).select("#likes button").text())
                .isEqualTo("Liked (1)");
        mvc.perform(post("/works/" + id + "/like").with(user(stranger)).with(csrf()));
        assertThat(page("/works/" + id, stranger).select("#likes button").text())
                .isEqualTo("Like (0)");

        mvc.perform(post("/works/" + id + "/comments")
                        .with(user(stranger))
                        .with(csrf())
                        .param("body", "<script>alert(1)</script> Lovely grade"))
                .andExpect(status().is3xxRedirection());
        String html = mvc.perform(get("/works/" + id)).andReturn().getResponse().getContentAsString();
        assertThat(html)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; Lovely grade")
                .doesNotContain("<script>alert");
        Long commentId =
                data.jdbc().queryForObject("select max(id) from work_comments where work_id = ?", Long.class, id);

        // Only its author edits it; the author or the work's owner deletes it.
        mvc.perform(post("/works/" + id + "/comments/" + commentId)
                        .with(user(crew))
                        .with(csrf())
                        .param("body", "mine now"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/works/" + id + "/comments/" + commentId)
                        .with(user(stranger))
                        .with(csrf())
                        .param("body", "Lovely grade, edited"))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/works/" + id, null).select(".comments__list").text())
                .contains("Lovely grade, edited", "(edited)");
        mvc.perform(post("/works/" + id + "/comments/" + commentId + "/delete")
                        .with(user(crew))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/works/" + id + "/comments/" + commentId + "/delete")
                        .with(user(owner))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/works/" + id, null).select(".comments__list li")).isEmpty();
    }

    @Test
    void browseFiltersByProductionTypeAndCraft() throws Exception {
        long id = work("@" + crew.handle() + " editor");
        assertThat(page("/works?type=documentary", null).select("a[href=/works/" + id + "]"))
                .isNotEmpty();
        assertThat(page("/works?type=feature", null).select("a[href=/works/" + id + "]"))
                .isEmpty();
        assertThat(page("/works?craft=editor", null).select("a[href=/works/" + id + "]"))
                .isNotEmpty();
        assertThat(page("/works?craft=gaffer", null).select("a[href=/works/" + id + "]"))
                .isEmpty();
    }
}
