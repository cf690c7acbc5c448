package org.cinely.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.cinely.platform.Craft;
import org.cinely.profiles.Availability;
import org.cinely.profiles.ProfileCard;
import org.cinely.test.CinelyIntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The member card as {@link RenderedFragments} keeps it, on the real template engine and
 * templates: rendered once per card, afresh when anything on the card changes, escaped, and
 * without disturbing the page that asked for it.
 */
@CinelyIntegrationTest
class RenderedFragmentsIntegrationTests {

    @Autowired
    RenderedFragments fragments;

    @Autowired
    ServletContext servletContext;

    MockHttpServletRequest request;

    @BeforeEach
    void inARequest() {
        request = new MockHttpServletRequest(servletContext, "GET", "/members");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request, new MockHttpServletResponse()));
        LocaleContextHolder.setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void done() {
        RequestContextHolder.resetRequestAttributes();
        LocaleContextHolder.resetLocaleContext();
    }

    static ProfileCard card(String name, String headline) {
        return new ProfileCard(
                987_654_321L,
                "fragment-test-" + Math.abs(name.hashCode()),
                name,
                headline,
                "Lagos, Nigeria",
                List.of(Craft.values()[0]),
                Availability.values()[0],
                (LocalDate) null,
                7L);
    }

    String member(ProfileCard card) {
        return fragments.html("fragments/cards", "member", "card", card);
    }

    @Test
    void aCardIsRenderedFromTheTemplateOnceAndThenServedAsItWas() {
        ProfileCard card = card("Ada Obi", "Gaffer for features");
        String first = member(card);
        long kept = fragments.size();

        Document html = Jsoup.parseBodyFragment(first);
        assertThat(html.select("article.member-card")).hasSize(1);
        assertThat(html.select(".member-card__name").text()).isEqualTo("Ada Obi");
        assertThat(html.select(".member-card__headline").text()).isEqualTo("Gaffer for features");
        assertThat(html.select("a.member-card__link").attr("href")).isEqualTo("/members/" + card.handle());
        assertThat(html.select("img.avatar").attr("src")).isEqualTo(card.avatarUrl());
        assertThat(html.select(".chip")).hasSize(1);

        // An equal card (a new object from a new query) is the same entry, not a second render.
        String again = member(card("Ada Obi", "Gaffer for features"));
        assertThat(again).isEqualTo(first);
        assertThat(fragments.size()).isEqualTo(kept);
    }

    @Test
    void anythingChangedOnTheCardShowsAtOnce() {
        String before = member(card("Chidi Eze", "Colourist"));
        String after = member(card("Chidi Eze", "Colourist and online editor"));

        assertThat(Jsoup.parseBodyFragment(before)
                        .select(".member-card__headline")
                        .text())
                .isEqualTo("Colourist");
        assertThat(Jsoup.parseBodyFragment(after)
                        .select(".member-card__headline")
                        .text())
                .isEqualTo("Colourist and online editor");
    }

    @Test
    void whatAMemberWroteIsEscapedAsOnAnyPage() {
        String html = member(card("<script>alert(1)</script>", "\"><img src=x onerror=alert(2)>"));

        assertThat(html).doesNotContain("<script>").doesNotContain("<img src=x");
        Document parsed = Jsoup.parseBodyFragment(html);
        assertThat(parsed.select(".member-card__name").text()).isEqualTo("<script>alert(1)</script>");
        assertThat(parsed.select("script")).isEmpty();
    }

    @Test
    void thePageThatAskedKeepsItsOwnVariableOfThatName() {
        request.setAttribute("card", "the page's own");

        member(card("Bisi Ade", "Sound recordist"));
        member(card("Bisi Ade", "Sound recordist and mixer"));

        assertThat(request.getAttribute("card")).isEqualTo("the page's own");
        request.removeAttribute("card");
        member(card("Bisi Ade", "Boom operator"));
        assertThat(request.getAttribute("card")).isNull();
    }

    @Test
    void aListOfCardsIsKeptWholeAndChangesWithAnyCardInIt() {
        ProfileCard ada = card("Ada Obi", "Gaffer for features");
        ProfileCard chidi = card("Chidi Eze", "Colourist");
        String list = fragments.html("fragments/cards", "members", "cards", List.of(ada, chidi));

        assertThat(Jsoup.parseBodyFragment(list).select(".member-card__name").eachText())
                .containsExactly("Ada Obi", "Chidi Eze");
        assertThat(fragments.html("fragments/cards", "members", "cards", List.of(ada, chidi)))
                .isEqualTo(list);

        String changed =
                fragments.html("fragments/cards", "members", "cards", List.of(ada, card("Chidi Eze", "Online editor")));
        assertThat(Jsoup.parseBodyFragment(changed)
                        .select(".member-card__headline")
                        .eachText())
                .containsExactly("Gaffer for features", "Online editor");
    }

    /**
     * A kept list of suggestions with Connect and Dismiss forms: each request gets its own CSRF
     * token in every form, and the kept HTML holds none, so no member is ever given another's.
     */
    @Test
    void keptFormsCarryEachRequestsOwnTokenAndTheKeptHtmlNone() {
        List<org.cinely.connections.Suggestion> list = List.of(
                new org.cinely.connections.Suggestion(card("Ada Obi", "Gaffer"), 3, 0),
                new org.cinely.connections.Suggestion(card("Chidi Eze", "Colourist"), 0, 2));
        java.util.Map<String, String> tokens = new java.util.LinkedHashMap<>();
        for (String member : List.of("first-members-token", "second-members-token")) {
            request.setAttribute(
                    org.springframework.security.web.csrf.CsrfToken.class.getName(),
                    new org.springframework.security.web.csrf.DefaultCsrfToken("X-CSRF", "_csrf", member));
            request.setAttribute(
                    "_csrf", request.getAttribute(org.springframework.security.web.csrf.CsrfToken.class.getName()));
            String html = fragments.htmlWithCsrf(
                    "connections/suggestion", "suggestions", "suggestions", list, "returnTo", "/");
            Document page = Jsoup.parseBodyFragment(html);
            assertThat(page.select("form")).hasSize(4);
            assertThat(page.select("form").eachAttr("method")).containsOnly("post");
            for (org.jsoup.nodes.Element form : page.select("form")) {
                assertThat(form.select("input[name=_csrf]").eachAttr("value"))
                        .as("one field, with this request's token")
                        .containsExactly(member);
            }
            assertThat(page.select(".member-card__name").eachText()).containsExactly("Ada Obi", "Chidi Eze");
            tokens.put(member, html);
        }
        assertThat(tokens.get("second-members-token")).doesNotContain("first-members-token");
        // The kept HTML itself, as a request without a token gets it: empty fields, no token.
        request.removeAttribute(org.springframework.security.web.csrf.CsrfToken.class.getName());
        request.removeAttribute("_csrf");
        String kept =
                fragments.htmlWithCsrf("connections/suggestion", "suggestions", "suggestions", list, "returnTo", "/");
        assertThat(kept).doesNotContain("members-token").contains(RenderedFragments.EMPTY_CSRF_FIELD);
    }
}
