package org.cinely.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.List;
import java.util.stream.IntStream;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.Pages;
import org.cinely.test.TestData;
import org.cinely.test.TestMembers;
import org.cinely.works.WorksTestData;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A prolific member's profile leads to every one of their works and credits, page by page (the
 * profile used to list the newest 100 of each and drop the rest, silently).
 */
@CinelyIntegrationTest
class ProfileWorksPagingIntegrationTests {

    static final int WORKS = 130;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    WorksTestData works;

    TestMembers members;
    TestMembers.Member prolific;
    TestMembers.Member visitor;

    @BeforeEach
    void setUp() {
        data.mark();
        members = new TestMembers(data.jdbc(), encoder);
        prolific = members.create("Prolific Editor");
        visitor = members.create("Curious Visitor");
        works.playableWorks(prolific.id(), "Own cut", WORKS);
        TestMembers.Member director = members.create("Busy Director");
        List<Long> theirs = works.playableWorks(director.id(), "Their film", WORKS);
        works.confirmedCredits(prolific.id(), theirs, "editor");
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    static List<String> titles(String prefix) {
        return IntStream.range(0, WORKS)
                .mapToObj(i -> String.format("%s %03d", prefix, WORKS - 1 - i))
                .toList();
    }

    @Test
    void theProfileShowsTheNewestAndLeadsToEveryWork() throws Exception {
        String profile = "/members/" + prolific.handle();
        Document page = Pages.page(mvc, profile, user(visitor.principal()));
        assertThat(page.select(".work-card__title").eachText())
                .as("the profile's newest works")
                .containsExactlyElementsOf(titles("Own cut").subList(0, 12));
        String allWork = page.select("a:containsOwn(All work)").attr("href");
        assertThat(allWork).isEqualTo(profile + "/works");

        assertThat(Pages.all(mvc, allWork, user(visitor.principal()), ".work-card__title"))
                .as("every work, newest first, the oldest on the last page")
                .containsExactlyElementsOf(titles("Own cut"));
        assertThat(Pages.all(mvc, allWork, null, ".work-card__title"))
                .as("visitors who are not signed in too")
                .hasSize(WORKS);
    }

    @Test
    void theProfileLeadsToEveryCreditedWork() throws Exception {
        String profile = "/members/" + prolific.handle();
        Document page = Pages.page(mvc, profile, null);
        assertThat(page.select(".credited-works a").eachText())
                .containsExactlyElementsOf(titles("Their film").subList(0, 20));
        String all = page.select("a:containsOwn(All credited work)").attr("href");
        assertThat(Pages.all(mvc, all, null, ".credited-works a")).containsExactlyElementsOf(titles("Their film"));
    }

    @Test
    void aPageBeyondTheLastIsEmptyNotAnError() throws Exception {
        Document page = Pages.page(mvc, "/members/" + prolific.handle() + "/works?page=9999", null);
        assertThat(page.select(".work-card")).isEmpty();
        assertThat(page.select("a[rel=prev]")).isNotEmpty();
        assertThat(Pages.page(mvc, "/members/" + prolific.handle() + "/works?page=-3", null)
                        .select(".work-card__title")
                        .eachText())
                .containsExactlyElementsOf(titles("Own cut").subList(0, 24));
    }
}
