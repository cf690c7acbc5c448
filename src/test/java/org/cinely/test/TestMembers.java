package org.cinely.test;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Objects;
import org.cinely.platform.security.CurrentMember;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Members for profile and connection tests, written straight into the accounts and
 * profiles tables: much faster than signing up through the web (and not held by the sign-up rate
 * limit). {@link TestData#cleanUp()} removes them like any other account created in a test.
 */
public class TestMembers {

    public static final String PASSWORD = "dolly-track-night-exterior-7";

    /** A member that exists; {@link #principal()} signs MockMvc requests in as them. */
    public record Member(long id, String handle, String email, String displayName, boolean verified) {

        public CurrentMember principal() {
            return new CurrentMember(id, email, handle, displayName, null, "MEMBER", verified, true, false);
        }
    }

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private String passwordHash;

    public TestMembers(JdbcTemplate jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
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
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    PreparedStatement insert = connection.prepareStatement(
                            "insert into accounts (email, handle, display_name, password_hash, role, state,"
                                    + " email_verified_at, created_at) values (?, ?, ?, ?, 'MEMBER', 'ACTIVE', ?, ?)",
                            Statement.RETURN_GENERATED_KEYS);
                    insert.setString(1, email);
                    insert.setString(2, handle);
                    insert.setString(3, displayName);
                    insert.setString(4, passwordHash);
                    insert.setTimestamp(5, verified ? now : null);
                    insert.setTimestamp(6, now);
                    return insert;
                },
                keys);
        long id = Objects.requireNonNull(keys.getKey()).longValue();
        jdbc.update(
                "insert into profiles (member_id, handle, display_name, updated_at, last_active_at) values (?, ?, ?, ?, ?)",
                id,
                handle,
                displayName,
                now,
                now);
        return new Member(id, handle, email, displayName, verified);
    }

    /** Gives a member crafts, a headline and a place, as the profile form would. */
    public void describe(Member member, String headline, String city, String country, String... crafts) {
        jdbc.update(
                "update profiles set headline = ?, location_city = ?, location_country = ? where member_id = ?",
                headline,
                city,
                country,
                member.id());
        jdbc.update("delete from profile_crafts where member_id = ?", member.id());
        for (int i = 0; i < crafts.length; i++) {
            jdbc.update(
                    "insert into profile_crafts (member_id, craft, position) values (?, ?, ?)",
                    member.id(),
                    crafts[i],
                    i);
        }
        // As the Profile entity does: the directory filters on the mask when words or a place narrow it.
        long mask = org.cinely.platform.Craft.mask(java.util.Arrays.stream(crafts)
                .map(craft -> org.cinely.platform.Craft.fromSlug(craft).orElseThrow())
                .toList());
        jdbc.update("update profiles set craft_mask = ? where member_id = ?", mask, member.id());
    }

    public void connect(Member a, Member b) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        jdbc.update(
                "insert into connections (member_id, other_id, created_at) values (?, ?, ?), (?, ?, ?)",
                a.id(),
                b.id(),
                now,
                b.id(),
                a.id(),
                now);
    }

    public void credit(Member member, String title, int year) {
        jdbc.update(
                "insert into profile_credits (member_id, title, title_key, release_year, production_type, craft,"
                        + " created_at) values (?, ?, ?, ?, 'FEATURE', 'gaffer', ?)",
                member.id(),
                title,
                title.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT),
                year,
                Timestamp.valueOf(LocalDateTime.now()));
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
