package org.cinely.works;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinely.works.jooq.Tables.WORKS;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cinely.platform.MemberId;
import org.cinely.platform.moderation.ModerationState;
import org.cinely.platform.moderation.Standing;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.cinely.test.TestMembers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The two forms of the works' visibility rule, the Java predicate and the jOOQ condition, agree on
 * every combination of visibility, moderation state and author standing, for every kind of viewer.
 */
@CinelyIntegrationTest
class VisibilityRuleIntegrationTests {

    @Autowired
    TestData data;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    DSLContext dsl;

    MemberId author;
    Map<String, VisibilityRule.Viewer> viewers;

    @BeforeEach
    void setUp() {
        data.mark();
        TestMembers members = new TestMembers(data.jdbc(), encoder);
        author = MemberId.of(members.create("Author").id());
        MemberId other = MemberId.of(members.create("Other").id());
        viewers = new LinkedHashMap<>();
        viewers.put("the author", new VisibilityRule.Viewer(author, false, Set.of(), Set.of()));
        viewers.put("a connection", new VisibilityRule.Viewer(other, false, Set.of(author), Set.of()));
        viewers.put("a member", new VisibilityRule.Viewer(other, false, Set.of(), Set.of()));
        viewers.put("a blocked connection", new VisibilityRule.Viewer(other, false, Set.of(author), Set.of(author)));
        viewers.put("a visitor", VisibilityRule.Viewer.EVERYONE);
        viewers.put("a moderator", new VisibilityRule.Viewer(other, true, Set.of(), Set.of()));
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    @Test
    void theWorkPredicateAndConditionAgree() {
        Map<Long, Object[]> rows = new LinkedHashMap<>();
        for (Visibility visibility : Visibility.values()) {
            for (ModerationState state : ModerationState.values()) {
                for (Standing standing : Standing.values()) {
                    data.jdbc()
                            .update(
                                    "insert into works (owner_id, title, production_type, visibility, moderation_state,"
                                            + " author_standing, created_at, updated_at)"
                                            + " values (?, 'w', 'SHORT', ?, ?, ?, now(6), now(6))",
                                    author.value(),
                                    visibility.name(),
                                    state.name(),
                                    standing.name());
                    long id = data.jdbc().queryForObject("select max(id) from works", Long.class);
                    rows.put(id, new Object[] {visibility, state, standing});
                }
            }
        }
        viewers.forEach((name, viewer) -> {
            Set<Long> java = new HashSet<>();
            rows.forEach((id, r) -> {
                if (VisibilityRule.work(viewer, author, (Visibility) r[0], (ModerationState) r[1], (Standing) r[2])) {
                    java.add(id);
                }
            });
            List<Long> sql = dsl.select(WORKS.ID)
                    .from(WORKS)
                    .where(WORKS.OWNER_ID.eq(author.value()))
                    .and(VisibilityRule.work(viewer))
                    .fetch(WORKS.ID);
            assertThat(sql).as(name).containsExactlyInAnyOrderElementsOf(java);
        });
        // The rule is not vacuous: a member sees public, visible work of an active author only.
        assertThat(rows.keySet().stream()
                        .filter(id -> VisibilityRule.work(
                                viewers.get("a member"),
                                author,
                                (Visibility) rows.get(id)[0],
                                (ModerationState) rows.get(id)[1],
                                (Standing) rows.get(id)[2]))
                        .count())
                .isEqualTo(1);
    }
}
