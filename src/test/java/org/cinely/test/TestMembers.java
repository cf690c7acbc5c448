package org.cinely.test;

import org.cinely.accounts.AccountsTestData;
import org.cinely.connections.ConnectionsTestData;
import org.cinely.platform.security.CurrentMember;
import org.cinely.profiles.ProfilesTestData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Members as most tests need them: an account from the accounts module's test data and the
 * profile the profiles module's would give it, made as rows (much faster than signing up through
 * the web). This class knows no tables itself; each module's test data does. {@link
 * TestData#cleanUp()} removes them like any other account created in a test.
 */
public class TestMembers {

    public static final String PASSWORD = "dolly-track-night-exterior-7";

    /** A member that exists; {@link #principal()} signs MockMvc requests in as them. */
    public record Member(long id, String handle, String email, String displayName, boolean verified) {

        public CurrentMember principal() {
            return new CurrentMember(id, email, handle, displayName, null, "MEMBER", verified, true, false);
        }
    }

    private final AccountsTestData accounts;
    private final ProfilesTestData profiles;
    private final ConnectionsTestData connections;
    private final PasswordEncoder encoder;
    private String passwordHash;

    public TestMembers(JdbcTemplate jdbc, PasswordEncoder encoder) {
        this.accounts = new AccountsTestData(jdbc);
        this.profiles = new ProfilesTestData(jdbc);
        this.connections = new ConnectionsTestData(jdbc);
        this.encoder = encoder;
    }

    public Member create(String displayName) {
        return create(displayName, true);
    }

    public Member create(String displayName, boolean verified) {
        if (passwordHash == null) {
            passwordHash = encoder.encode(PASSWORD);
        }
        String handle = TestData.uniqueHandle();
        String email = TestData.uniqueEmail();
        long id = accounts.create(email, handle, displayName, passwordHash, verified);
        profiles.create(id, handle, displayName);
        return new Member(id, handle, email, displayName, verified);
    }

    /** Gives a member crafts, a headline and a place, as the profile form would. */
    public void describe(Member member, String headline, String city, String country, String... crafts) {
        profiles.describe(member, headline, city, country, crafts);
    }

    public void connect(Member a, Member b) {
        connections.connect(a, b);
    }

    public void credit(Member member, String title, int year) {
        profiles.credit(member, title, year);
    }

    /** An admin suspending, banning or reinstating a member on their moderation page, as in the app. */
    public static MockHttpServletRequestBuilder adminSetsState(Member member, String state, String reason) {
        CurrentMember admin = new CurrentMember(
                1_000_000_000L,
                "admin@test.cinely.local",
                "test-admin",
                "Test Admin",
                null,
                "ADMIN",
                true,
                true,
                false);
        String action = switch (state) {
            case "SUSPENDED" -> "SUSPEND";
            case "BANNED" -> "BAN";
            default -> "REINSTATE";
        };
        return MockMvcRequestBuilders.post("/admin/members/{id}/decide", member.id())
                .param("action", action)
                .param("rule", "OTHER")
                .param("reason", reason.isEmpty() ? "test" : reason)
                .param("statement", reason.isEmpty() ? "test" : reason)
                .with(SecurityMockMvcRequestPostProcessors.csrf())
                .with(SecurityMockMvcRequestPostProcessors.user(admin));
    }
}
