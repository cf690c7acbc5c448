package org.cinely.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.cinely.test.TestMembers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * "My connections" reaches every connection by its pages, a well-connected member's oldest ones
 * included (the list used to stop at the 5,000 newest, silently).
 */
@CinelyIntegrationTest
class ConnectionPagingIntegrationTests {

    static final int CONNECTIONS = 5_030;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    PasswordEncoder encoder;

    TestMembers.Member member;

    @BeforeEach
    void setUp() {
        data.mark();
        member = new TestMembers(data.jdbc(), encoder).create("Well Connected");
        String run = TestData.uniqueHandle();
        List<Object[]> accounts = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            accounts.add(new Object[] {
                run + "-" + i + "@test.cinely.local", run + "-" + i, String.format("Crew %04d", i), "x"
            });
        }
        data.jdbc()
                .batchUpdate(
                        "insert into accounts (email, handle, display_name, password_hash, role, state,"
                                + " email_verified_at, created_at) values (?, ?, ?, ?, 'MEMBER', 'ACTIVE', now(6), now(6))",
                        accounts);
        data.jdbc()
                .update(
                        "insert into profiles (member_id, handle, display_name, updated_at, last_active_at)"
                                + " select id, handle, display_name, now(6), now(6) from accounts where handle like ?",
                        run + "-%");
        // Crew 5029 is the oldest connection: the first one a cap on the newest would leave out.
        List<Object[]> pairs = new ArrayList<>();
        List<Long> ids = data.jdbc()
                .queryForList(
                        "select id from accounts where handle like ? order by display_name", Long.class, run + "-%");
        LocalDateTime now = LocalDateTime.now();
        for (int i = 0; i < ids.size(); i++) {
            Timestamp at = Timestamp.valueOf(now.minusMinutes(i));
            pairs.add(new Object[] {member.id(), ids.get(i), at});
            pairs.add(new Object[] {ids.get(i), member.id(), at});
        }
        data.jdbc().batchUpdate("insert into connections (member_id, other_id, created_at) values (?, ?, ?)", pairs);
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    Document page(String path, String... params) throws Exception {
        var request = get(path).with(user(member.principal()));
        for (int i = 0; i + 1 < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return Jsoup.parse(mvc.perform(request).andReturn().getResponse().getContentAsString());
    }

    @Test
    void theLastPageHoldsTheOldestConnectionAndSearchFindsIt() throws Exception {
        Document first = page("/connections");
        assertThat(first.select(".result-count").text()).contains("5,030");
        int lastPage = (CONNECTIONS - 1) / ConnectionsController.PAGE_SIZE;
        Document last = page("/connections", "page", Integer.toString(lastPage));
        assertThat(last.select(".connection-list").text()).contains("Crew 5029");
        assertThat(page("/connections", "q", "Crew 5029")
                        .select(".connection-list")
                        .text())
                .contains("Crew 5029");
    }
}
