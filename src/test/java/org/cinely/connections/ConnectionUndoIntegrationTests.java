package org.cinely.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import org.cinely.platform.web.Flash;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.cinely.test.TestMembers;
import org.cinely.test.TestMembers.Member;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Issue 17: removing a connection asks first, then offers an Undo that puts the connection back
 * as it was (its date, no new request, nothing announced again), for the remover only and for
 * 30 days, and not across a block.
 */
@CinelyIntegrationTest
@RecordApplicationEvents
class ConnectionUndoIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    ApplicationEvents events;

    TestMembers members;

    @BeforeEach
    void mark() {
        data.mark();
        members = new TestMembers(data.jdbc(), encoder);
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    boolean connected(Member a, Member b) {
        return data.jdbc()
                        .queryForObject(
                                "select count(*) from connections where member_id = ? and other_id = ?",
                                Integer.class,
                                a.id(),
                                b.id())
                > 0;
    }

    LocalDateTime since(Member a, Member b) {
        return data.jdbc()
                .queryForObject(
                        "select created_at from connections where member_id = ? and other_id = ?",
                        LocalDateTime.class,
                        a.id(),
                        b.id());
    }

    MvcResult remove(Member by, Member other) throws Exception {
        return mvc.perform(post("/connections/{handle}/remove", other.handle())
                        .with(csrf())
                        .with(user(by.principal()))
                        .param("returnTo", "/connections"))
                .andExpect(redirectedUrl("/connections"))
                .andReturn();
    }

    int restore(Member by, Member other) throws Exception {
        return mvc.perform(post("/connections/{handle}/restore", other.handle())
                        .with(csrf())
                        .with(user(by.principal())))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    @Test
    void removingAsksFirstThenUndoPutsTheConnectionBackAsItWas() throws Exception {
        Member ana = members.create("Ana Undo");
        Member ben = members.create("Ben Undo");
        members.connect(ana, ben);
        data.jdbc()
                .update(
                        "update connections set created_at = '2025-03-01 10:00:00' where member_id in (?, ?)",
                        ana.id(),
                        ben.id());

        // The list and the profile link to a confirmation page, which posts.
        Document list = Jsoup.parse(mvc.perform(get("/connections").with(user(ana.principal())))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(list.select("a[href^=/connections/" + ben.handle() + "/remove]"))
                .hasSize(1);
        Document confirm = Jsoup.parse(mvc.perform(get("/connections/{h}/remove", ben.handle())
                        .param("returnTo", "/connections")
                        .with(user(ana.principal())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(confirm.select("form[action=/connections/" + ben.handle() + "/remove][method=post]"))
                .hasSize(1);
        assertThat(confirm.select("input[name=returnTo]").val()).isEqualTo("/connections");
        assertThat(connected(ana, ben)).as("a GET changes nothing").isTrue();

        MvcResult removed = remove(ana, ben);
        Flash flash = (Flash) removed.getFlashMap().get("flash");
        assertThat(flash.undoAction()).isEqualTo("/connections/" + ben.handle() + "/restore");
        assertThat(connected(ana, ben)).isFalse();
        assertThat(events.stream(ConnectionRemoved.class)).hasSize(1);

        // The other member cannot undo someone else's removal (nor without the token).
        assertThat(restore(ben, ana)).isEqualTo(404);
        assertThat(mvc.perform(post("/connections/{handle}/restore", ben.handle())
                                .with(user(ana.principal())))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(connected(ana, ben)).isFalse();

        events.clear();
        assertThat(restore(ana, ben)).isEqualTo(302);
        assertThat(connected(ana, ben)).isTrue();
        assertThat(connected(ben, ana)).isTrue();
        assertThat(since(ana, ben)).as("its original date").isEqualTo(LocalDateTime.of(2025, 3, 1, 10, 0));
        assertThat(events.stream(ConnectionAccepted.class))
                .as("not announced as new")
                .isEmpty();
        assertThat(events.stream(ConnectionRestored.class)).hasSize(1);
        assertThat(data.jdbc()
                        .queryForObject(
                                "select count(*) from connection_requests where requester_id in (?, ?)",
                                Integer.class,
                                ana.id(),
                                ben.id()))
                .as("no new request")
                .isZero();
        // A second undo finds nothing to undo.
        assertThat(restore(ana, ben)).isEqualTo(404);
    }

    @Test
    void noUndoAfterThirtyDaysOrAcrossABlock() throws Exception {
        Member ana = members.create("Ana Undo");
        Member ben = members.create("Ben Undo");
        Member cleo = members.create("Cleo Undo");
        members.connect(ana, ben);
        members.connect(ana, cleo);

        remove(ana, ben);
        data.jdbc()
                .update(
                        "update connection_removals set removed_at = now(6) - interval 31 day where remover_id = ?",
                        ana.id());
        assertThat(restore(ana, ben)).isEqualTo(404);
        assertThat(connected(ana, ben)).isFalse();

        remove(ana, cleo);
        mvc.perform(post("/members/{handle}/block", ana.handle()).with(csrf()).with(user(cleo.principal())));
        assertThat(restore(ana, cleo)).isEqualTo(404);
        assertThat(connected(ana, cleo)).isFalse();
    }
}
