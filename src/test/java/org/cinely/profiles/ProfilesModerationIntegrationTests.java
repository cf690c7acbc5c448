package org.cinely.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.cinely.platform.MemberId;
import org.cinely.platform.moderation.ContentKind;
import org.cinely.platform.moderation.ContentRef;
import org.cinely.platform.moderation.ModerationState;
import org.cinely.platform.moderation.Standing;
import org.cinely.platform.security.CurrentMember;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A profile under moderation on every read path: its page, its avatar (and the avatar's cached
 * URL), the directory and its word search, the cards other modules show, and the member's
 * standing (suspended, limited, reinstated).
 */
@CinelyIntegrationTest
class ProfilesModerationIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    ProfilesContentModeration moderation;

    @Autowired
    ProfilesApi profilesApi;

    @Autowired
    TransactionTemplate tx;

    TestMembers members;
    Member sam;
    Member other;
    CurrentMember moderator;
    String word;

    @BeforeEach
    void setUp() throws Exception {
        data.mark();
        members = new TestMembers(data.jdbc(), encoder);
        word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        sam = members.create("Sam Whitfield");
        members.describe(sam, "Gaffer " + word, "Berlin", "Germany", "gaffer");
        other = members.create("Olga Other");
        Member mod = members.create("Mika Moderator");
        data.jdbc().update("update accounts set role = 'MODERATOR' where id = ?", mod.id());
        moderator = new CurrentMember(
                mod.id(), mod.email(), mod.handle(), mod.displayName(), "", "MODERATOR", true, true, false);
        mvc.perform(multipart("/settings/profile/avatar")
                        .file(new MockMultipartFile(
                                "avatar", "me.png", "image/png", AvatarIntegrationTests.png(200, 200)))
                        .with(csrf())
                        .with(user(sam.principal())))
                .andExpect(status().is3xxRedirection());
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    private List<String> directory() throws Exception {
        return Jsoup.parse(mvc.perform(get("/members?q=" + word))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .select(".member-card__name")
                .eachText();
    }

    private int statusOf(MockHttpServletRequestBuilder request, CurrentMember viewer) throws Exception {
        if (viewer != null) {
            request.with(user(viewer));
        }
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private String avatarVersion() {
        return data.jdbc()
                .queryForObject("select avatar_version from profiles where member_id = ?", String.class, sam.id());
    }

    private void moderate(ModerationState state) {
        tx.executeWithoutResult(s -> moderation.moderate(new ContentRef(ContentKind.PROFILE, sam.id()), state));
    }

    private void standing(Standing standing) {
        tx.executeWithoutResult(s -> moderation.applyStanding(MemberId.of(sam.id()), standing));
    }

    @Test
    void aHiddenProfileLeavesEveryReadPathAndComesBackWhenRestored() throws Exception {
        String page = "/members/" + sam.handle();
        String oldAvatar = page + "/avatar?v=" + avatarVersion();
        assertThat(directory()).containsExactly("Sam Whitfield");
        assertThat(statusOf(get(oldAvatar), null)).isEqualTo(200);

        moderate(ModerationState.HIDDEN);
        assertThat(directory()).as("directory and word search").isEmpty();
        assertThat(statusOf(get(page), null)).isEqualTo(404);
        assertThat(statusOf(get(page), other.principal())).isEqualTo(404);
        assertThat(statusOf(get(oldAvatar), null)).isEqualTo(404);
        assertThat(profilesApi.listedCards(List.of(MemberId.of(sam.id()))))
                .as("cards for the feed and lists")
                .isEmpty();
        Document own = Jsoup.parse(mvc.perform(get(page).with(user(sam.principal())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(own.select(".banner--warning").text()).contains("hidden by the moderators");
        assertThat(statusOf(get(page), moderator)).isEqualTo(200);
        data.awaitEventListeners();
        assertThat(data.jdbc()
                        .queryForObject(
                                "select count(*) from audit_log where action = 'content.opened' and actor_id = ? and target = ?",
                                Integer.class,
                                moderator.id().value(),
                                "profile:" + sam.id()))
                .isOne();

        moderate(ModerationState.VISIBLE);
        assertThat(directory()).containsExactly("Sam Whitfield");
        assertThat(statusOf(get(page), other.principal())).isEqualTo(200);
        assertThat(profilesApi.listedCards(List.of(MemberId.of(sam.id())))).hasSize(1);
        String newAvatar = page + "/avatar?v=" + avatarVersion();
        assertThat(newAvatar)
                .as("a new avatar URL: a cache keyed on the old one is never linked again")
                .isNotEqualTo(oldAvatar);
        assertThat(statusOf(get(newAvatar), null)).isEqualTo(200);
        assertThat(statusOf(get(oldAvatar), null)).isEqualTo(404);
    }

    @Test
    void aMembersStandingDecidesWhoSeesTheirProfile() throws Exception {
        String page = "/members/" + sam.handle();
        MemberId samId = MemberId.of(sam.id());
        MemberId otherId = MemberId.of(other.id());
        standing(Standing.SUSPENDED);
        assertThat(directory()).isEmpty();
        assertThat(statusOf(get(page), other.principal())).isEqualTo(404);
        assertThat(profilesApi.visibleCards(otherId, List.of(samId)))
                .as("nor in the feed")
                .isEmpty();

        standing(Standing.LIMITED);
        assertThat(directory()).as("a limited member is out of the directory").isEmpty();
        assertThat(statusOf(get(page), other.principal())).isEqualTo(404);
        assertThat(profilesApi.visibleCards(otherId, List.of(samId))).isEmpty();
        members.connect(sam, other);
        assertThat(statusOf(get(page), other.principal()))
                .as("but their connections see them")
                .isEqualTo(200);
        assertThat(profilesApi.visibleCards(otherId, List.of(samId, otherId)))
                .as("in the feed too, with their card as the directory shows it")
                .containsOnlyKeys(samId, otherId)
                .hasEntrySatisfying(
                        samId, card -> assertThat(card.displayName()).isEqualTo("Sam Whitfield"));
        Document own = Jsoup.parse(mvc.perform(get(page).with(user(sam.principal())))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(own.select(".banner--warning").text()).contains("limited");

        moderate(ModerationState.HIDDEN);
        standing(Standing.ACTIVE);
        assertThat(directory())
                .as("reinstated, a profile hidden on its own stays hidden")
                .isEmpty();
        moderate(ModerationState.VISIBLE);
        assertThat(directory()).containsExactly("Sam Whitfield");
    }
}
