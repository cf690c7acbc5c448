package org.cinely.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.Pages;
import org.cinely.test.TestData;
import org.cinely.test.TestMembers;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Received and sent connection requests each page on their own and each heading counts them all
 * (the lists stopped at the 500 newest and the headings counted what was shown).
 */
@CinelyIntegrationTest
class RequestPagingIntegrationTests {

    static final int RECEIVED = 60;
    static final int SENT = 30;

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
        TestMembers members = new TestMembers(data.jdbc(), encoder);
        member = members.create("Sought After");
        LocalDateTime now = LocalDateTime.now();
        List<Object[]> requests = new ArrayList<>();
        for (int i = 0; i < RECEIVED + SENT; i++) {
            boolean received = i < RECEIVED;
            TestMembers.Member other = members.create(String.format(received ? "Asker %03d" : "Asked %03d", i));
            long from = received ? other.id() : member.id();
            long to = received ? member.id() : other.id();
            requests.add(new Object[] {
                from, to, Math.min(from, to), Math.max(from, to), Timestamp.valueOf(now.minusMinutes(i))
            });
        }
        data.jdbc()
                .batchUpdate(
                        "insert into connection_requests (requester_id, recipient_id, pair_low, pair_high, created_at)"
                                + " values (?, ?, ?, ?, ?)",
                        requests);
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    @Test
    void bothListsReachTheirOldestAndHeadingsCountThemAll() throws Exception {
        var as = user(member.principal());
        Document first = Pages.page(mvc, "/connections/requests", as);
        assertThat(first.select("h2").eachText())
                .contains("Waiting for you (" + RECEIVED + ")", "Sent by you (" + SENT + ")");

        List<String> received = Pages.all(
                mvc,
                "/connections/requests",
                as,
                "main section:nth-of-type(1) .member-card__name",
                "main section:nth-of-type(1)");
        assertThat(received).hasSize(RECEIVED).startsWith("Asker 000").endsWith("Asker 059");

        List<String> sent = Pages.all(
                mvc,
                "/connections/requests",
                as,
                "main section:nth-of-type(2) .member-card__name",
                "main section:nth-of-type(2)");
        assertThat(sent).hasSize(SENT).startsWith("Asked 060").endsWith("Asked 089");
    }
}
