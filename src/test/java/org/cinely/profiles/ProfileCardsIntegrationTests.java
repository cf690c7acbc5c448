package org.cinely.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cinely.platform.Craft;
import org.cinely.platform.MemberId;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.cinely.test.TestMembers;
import org.cinely.test.TestMembers.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Cards by id, as the feed, suggestions and "new on Cinely" read them: each card carries the
 * member's crafts in the member's own order.
 */
@CinelyIntegrationTest
class ProfileCardsIntegrationTests {

    @Autowired
    ProfilesApi profiles;

    @Autowired
    TestData data;

    @Autowired
    PasswordEncoder encoder;

    TestMembers members;

    @BeforeEach
    void setUp() {
        data.mark();
        members = new TestMembers(data.jdbc(), encoder);
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    @Test
    void cardsByIdCarryEachMembersCraftsInTheirOrder() {
        Member zola = members.create("Zola Mbeki");
        Member arto = members.create("Arto Virtanen");
        Member none = members.create("Noor Haddad");
        members.describe(zola, "Gaffer, then editor", "Cape Town", "South Africa", "gaffer", "editor", "director");
        members.describe(arto, "Director first", "Helsinki", "Finland", "director", "gaffer");
        List<MemberId> ids = List.of(MemberId.of(zola.id()), MemberId.of(arto.id()), MemberId.of(none.id()));

        var listed = profiles.listedCards(ids);
        var visible = profiles.visibleCards(MemberId.of(none.id()), ids);

        for (var cards : List.of(listed, visible)) {
            assertThat(cards.get(MemberId.of(zola.id())).crafts())
                    .containsExactly(Craft.GAFFER, Craft.EDITOR, Craft.DIRECTOR);
            assertThat(cards.get(MemberId.of(arto.id())).crafts()).containsExactly(Craft.DIRECTOR, Craft.GAFFER);
            assertThat(cards.get(MemberId.of(none.id())).crafts()).isEmpty();
        }
    }
}
