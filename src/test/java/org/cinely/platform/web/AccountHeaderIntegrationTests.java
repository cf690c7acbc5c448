package org.cinely.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.HttpTestClient;
import org.cinely.test.TestData;
import org.cinely.test.TestMembers;
import org.cinely.test.TestMembers.Member;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The signed-in header and the navigation as the layout keeps them ({@link AccountHeader}, {@link
 * RenderedFragments}), over real HTTP on one node: each member sees their own, a changed count
 * shows on the next page, the log-out form still carries a working token, and the section the
 * page is in is marked.
 */
@CinelyIntegrationTest
class AccountHeaderIntegrationTests {

    @LocalServerPort
    int port;

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

    HttpTestClient signedIn(Member member) {
        HttpTestClient http = new HttpTestClient(port);
        http.logIn(member.email(), TestMembers.PASSWORD);
        return http;
    }

    static Document page(HttpTestClient http, String path) {
        HttpResponse<String> response = http.get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    @Test
    void everyMemberSeesTheirOwnHeaderThoughItIsKept() {
        Member ines = members.create("Inês Duarte");
        Member kwame = members.create("Kwame Mensah");
        HttpTestClient inesBrowser = signedIn(ines);
        HttpTestClient kwameBrowser = signedIn(kwame);

        for (int view = 0; view < 2; view++) {
            Document inesPage = page(inesBrowser, "/settings");
            Document kwamePage = page(kwameBrowser, "/settings");
            assertThat(inesPage.select(".account-menu__name").text()).isEqualTo("Inês Duarte");
            assertThat(inesPage.select(".account-menu__toggle .avatar").text()).isEqualTo("I");
            assertThat(inesPage.select(".account-menu__panel a[href=/members/" + ines.handle() + "]"))
                    .hasSize(1);
            assertThat(kwamePage.select(".account-menu__name").text()).isEqualTo("Kwame Mensah");
            assertThat(kwamePage.select(".account-menu__panel a[href=/members/" + kwame.handle() + "]"))
                    .hasSize(1);
            assertThat(kwamePage.select(".account-menu__panel a[href=/admin]")).isEmpty();
        }
    }

    @Test
    void aNewConnectionRequestShowsOnTheRecipientsNextPage() {
        Member ines = members.create("Inês Duarte");
        Member kwame = members.create("Kwame Mensah");
        HttpTestClient kwameBrowser = signedIn(kwame);
        Document before = page(kwameBrowser, "/settings");
        assertThat(before.select(".account-menu__toggle .badge")).isEmpty();
        assertThat(before.select("a[href=/connections/requests] .badge")).isEmpty();

        HttpTestClient inesBrowser = signedIn(ines);
        HttpResponse<String> sent = inesBrowser.submit(
                "/members/" + kwame.handle(), "/connections/requests", Map.of("handle", kwame.handle()));
        assertThat(sent.statusCode()).isEqualTo(302);

        Document after = page(kwameBrowser, "/settings");
        assertThat(after.select(".account-menu__toggle .badge").text()).isEqualTo("1");
        assertThat(after.select("a[href=/connections/requests] .badge").text()).isEqualTo("1");
        // The sender's own header has no request to show.
        assertThat(page(inesBrowser, "/settings").select(".account-menu__toggle .badge"))
                .isEmpty();
    }

    @Test
    void theLogOutFormInTheKeptHeaderStillLogsOut() {
        Member ines = members.create("Inês Duarte");
        HttpTestClient browser = signedIn(ines);
        page(browser, "/settings");
        Document page = page(browser, "/settings");
        assertThat(page.select(".account-menu__panel form[action=/logout] input[name=_csrf]")
                        .val())
                .isNotBlank();

        HttpResponse<String> out = browser.submit("/settings", "/logout", Map.of());
        assertThat(out.statusCode()).isEqualTo(302);

        Document visitor = page(browser, "/");
        assertThat(visitor.select(".account-menu")).isEmpty();
        assertThat(visitor.select(".site-header__account a[href=/login]")).hasSize(1);
    }

    @Test
    void twoSessionsShareTheKeptHeaderButEachLogOutFormCarriesItsOwnToken() {
        Member ines = members.create("Inês Duarte");
        HttpTestClient laptop = signedIn(ines);
        HttpTestClient phone = signedIn(ines);
        String laptopToken = logOutToken(page(laptop, "/settings"));
        String phoneToken = logOutToken(page(phone, "/settings"));
        assertThat(laptopToken).isNotBlank().isNotEqualTo(phoneToken);

        // The laptop's token does not log the phone out: the phone's page had the phone's own.
        HttpResponse<String> forged = phone.post("/logout", Map.of("_csrf", laptopToken));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(page(phone, "/settings").select(".account-menu")).hasSize(1);

        assertThat(phone.post("/logout", Map.of("_csrf", phoneToken)).statusCode())
                .isEqualTo(302);
        assertThat(page(phone, "/").select(".account-menu")).isEmpty();
        assertThat(page(laptop, "/settings").select(".account-menu__name").text())
                .isEqualTo("Inês Duarte");
    }

    static String logOutToken(Document page) {
        return page.select(".account-menu__panel form[action=/logout] input[name=_csrf]")
                .val();
    }

    @Test
    void theNavigationMarksTheSectionThePageIsIn() {
        Member ines = members.create("Inês Duarte");
        HttpTestClient browser = signedIn(ines);

        assertThat(current(page(browser, "/"))).containsOnly("/");
        assertThat(current(page(browser, "/members/" + ines.handle()))).containsOnly("/members");
        assertThat(current(page(browser, "/jobs"))).containsOnly("/jobs");
        assertThat(current(page(browser, "/settings"))).isEmpty();
    }

    /** The links marked current, in the wide header and the phone menu (both are rendered). */
    static java.util.List<String> current(Document page) {
        java.util.List<String> wide =
                page.select(".site-nav--wide a[aria-current=page]").eachAttr("href");
        java.util.List<String> menu =
                page.select(".site-nav--menu a[aria-current=page]").eachAttr("href");
        assertThat(menu).isEqualTo(wide);
        return wide;
    }
}
