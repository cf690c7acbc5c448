package org.cinely.connections;

import static org.assertj.core.api.Assertions.assertThat;

import org.cinely.test.BrowserTestSupport;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.cinely.test.TestMembers;
import org.cinely.test.TestMembers.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Two members connect: one asks with a note, the other sees the badge and accepts. */
@CinelyIntegrationTest
class ConnectJourneyBrowserTests extends BrowserTestSupport {

    @Autowired
    TestData data;

    @Autowired
    PasswordEncoder encoder;

    TestMembers members;

    @BeforeEach
    void mark() {
        data.mark();
        members = new TestMembers(data.jdbc(), encoder);
        browser.manage().deleteAllCookies();
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    @Test
    void twoMembersConnectAndSeeEachOtherInTheirConnections() {
        Member maya = members.create("Maya Okafor");
        Member jonas = members.create("Jonas Berg");

        logIn(maya);
        open("/members/" + jonas.handle());
        click(".connect-form__note summary");
        type("#note", "Loved your work on the night shoot");
        clickText("Connect");
        waitForPath("/members/" + jonas.handle());
        assertThat(text(".flash--success")).isEqualTo("Request sent to Jonas Berg.");
        assertThat(text(".profile-actions .status")).isEqualTo("Request sent");
        logOut();

        logIn(jonas);
        assertThat(text(".account-menu__toggle .badge")).isEqualTo("1");
        open("/connections/requests");
        assertThat(text(".request .member-card__name")).isEqualTo("Maya Okafor");
        assertThat(text(".request__note")).isEqualTo("Loved your work on the night shoot");
        clickText("Accept");
        waitForPath("/connections/requests");
        assertThat(text(".flash--success")).isEqualTo("You and Maya Okafor are now connected.");
        assertThat(browser.findElements(By.cssSelector(".account-menu__toggle .badge")))
                .isEmpty();
        open("/connections");
        assertThat(text(".connection-list .member-card__name")).isEqualTo("Maya Okafor");
        logOut();

        logIn(maya);
        open("/connections");
        assertThat(text(".connection-list .member-card__name")).isEqualTo("Jonas Berg");
        open("/members/" + jonas.handle());
        assertThat(text(".profile-actions .status")).isEqualTo("Connected");
        assertThat(text(".profile-header__counts")).contains("1 connection");
    }

    private void logIn(Member member) {
        open("/login");
        type("#email", member.email());
        type("#password", TestMembers.PASSWORD);
        click("main form button[type=submit]");
        waitForExactPath("/");
    }

    private void logOut() {
        click(".account-menu summary");
        clickText("Log out");
        waitForPath("/?loggedOut");
    }
}
