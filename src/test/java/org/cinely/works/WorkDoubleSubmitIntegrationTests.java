package org.cinely.works;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.cinely.platform.security.CurrentMember;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A double click sends the same form twice at the same moment: a like, a comment, a work's
 * credits. Each pair is fired together many times; neither answer may be an error, and what is
 * stored is what one submit would have stored.
 */
@CinelyIntegrationTest
class WorkDoubleSubmitIntegrationTests {

    static final int ROUNDS = 8;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    CurrentMember owner;
    CurrentMember crew;
    ExecutorService pool = Executors.newFixedThreadPool(2);

    @BeforeEach
    void setUp() {
        data.mark();
        owner = WorksTestSupport.member(data.jdbc(), "{noop}x");
        crew = WorksTestSupport.member(data.jdbc(), "{noop}x");
    }

    @AfterEach
    void cleanUp() {
        pool.shutdownNow();
        data.cleanUp();
    }

    long work() throws Exception {
        String location = mvc.perform(post("/works")
                        .with(user(owner))
                        .with(csrf())
                        .param("title", "Harbour Lights")
                        .param("type", "DOCUMENTARY")
                        .param("credits", "")
                        .param("visibility", "PUBLIC"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.replaceAll("\\D", ""));
        data.jdbc().update("update works set playable = true, published_at = now(6) where id = ?", id);
        return id;
    }

    /** Sends the request twice at the same moment (a builder each: they are not thread-safe); returns both statuses. */
    List<Integer> twiceAtOnce(Supplier<MockHttpServletRequestBuilder> request) throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<Integer> send = () -> {
            together.await(10, TimeUnit.SECONDS);
            var response = mvc.perform(request.get()).andReturn().getResponse();
            if (response.getStatus() >= 400) {
                System.out.println("Double submit answered " + response.getStatus() + ": " + response.getErrorMessage()
                        + " " + response.getContentAsString());
            }
            return response.getStatus();
        };
        List<Future<Integer>> both = List.of(pool.submit(send), pool.submit(send));
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : both) {
            statuses.add(answer.get(30, TimeUnit.SECONDS));
        }
        return statuses;
    }

    int count(String sql, Object... args) {
        return data.jdbc().queryForObject(sql, Integer.class, args);
    }

    @Test
    void twoLikesAtOnceAreOneLikeAndTwoUnlikesLeaveNone() throws Exception {
        long id = work();
        for (int round = 0; round < ROUNDS; round++) {
            assertThat(twiceAtOnce(() -> post("/works/" + id + "/like")
                            .param("like", "true")
                            .with(user(crew))
                            .with(csrf())))
                    .containsOnly(302);
            assertThat(count("select count(*) from work_likes where work_id = ?", id))
                    .isEqualTo(1);
            assertThat(count("select like_count from works where id = ?", id)).isEqualTo(1);

            assertThat(twiceAtOnce(() -> post("/works/" + id + "/like")
                            .param("like", "false")
                            .with(user(crew))
                            .with(csrf())))
                    .containsOnly(302);
            assertThat(count("select count(*) from work_likes where work_id = ?", id))
                    .isZero();
            assertThat(count("select like_count from works where id = ?", id)).isZero();
        }
    }

    @Test
    void twoTogglesAtOnceNeverFail() throws Exception {
        long id = work();
        for (int round = 0; round < ROUNDS; round++) {
            assertThat(twiceAtOnce(() ->
                            post("/works/" + id + "/like").with(user(crew)).with(csrf())))
                    .containsOnly(302);
            int likes = count("select count(*) from work_likes where work_id = ?", id);
            assertThat(count("select like_count from works where id = ?", id)).isEqualTo(likes);
        }
    }

    @Test
    void theSameCommentSentTwiceAtOnceIsOneComment() throws Exception {
        long id = work();
        for (int round = 0; round < ROUNDS; round++) {
            String body = "Lovely light in the harbour scene, take " + round;
            assertThat(twiceAtOnce(() -> post("/works/" + id + "/comments")
                            .param("body", body)
                            .with(user(crew))
                            .with(csrf())))
                    .containsOnly(302);
            assertThat(count("select count(*) from work_comments where work_id = ? and body = ?", id, body))
                    .isEqualTo(1);
        }
        assertThat(count("select comment_count from works where id = ?", id)).isEqualTo(ROUNDS);
    }

    @Test
    void theSameCreditsSavedTwiceAtOnceAreOneCredit() throws Exception {
        long id = work();
        for (int round = 0; round < ROUNDS; round++) {
            String craft = round % 2 == 0 ? "cinematographer" : "gaffer";
            assertThat(twiceAtOnce(() -> post("/works/" + id)
                            .param("title", "Harbour Lights")
                            .param("type", "DOCUMENTARY")
                            .param("credits", "@" + crew.handle() + " " + craft)
                            .param("visibility", "PUBLIC")
                            .with(user(owner))
                            .with(csrf())))
                    .containsOnly(302);
            assertThat(count("select count(*) from work_credits where work_id = ?", id))
                    .isEqualTo(1);
            assertThat(count("select count(*) from work_credits where work_id = ? and craft = ?", id, craft))
                    .isEqualTo(1);
        }
    }
}
