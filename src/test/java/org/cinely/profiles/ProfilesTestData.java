package org.cinely.profiles;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Locale;
import org.cinely.platform.Craft;
import org.cinely.test.ModuleTestData;
import org.cinely.test.TestMembers.Member;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Profiles of test members, written as rows the way the profiles module keeps them (much faster
 * than the web forms), and their removal after a test.
 */
@TestComponent
@Order(70)
public class ProfilesTestData implements ModuleTestData {

    private final JdbcTemplate jdbc;

    public ProfilesTestData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The profile a new account gets, as the sign-up event makes it. */
    public void create(long memberId, String handle, String displayName) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        jdbc.update(
                "insert into profiles (member_id, handle, display_name, updated_at, last_active_at) values (?, ?, ?, ?, ?)",
                memberId,
                handle,
                displayName,
                now,
                now);
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
        long mask = Craft.mask(Arrays.stream(crafts)
                .map(craft -> Craft.fromSlug(craft).orElseThrow())
                .toList());
        jdbc.update("update profiles set craft_mask = ? where member_id = ?", mask, member.id());
    }

    /** Adds one craft to a member's profile, first in their list. */
    public void addCraft(long memberId, String craftSlug) {
        jdbc.update("insert into profile_crafts (member_id, craft, position) values (?, ?, 0)", memberId, craftSlug);
    }

    public void credit(Member member, String title, int year) {
        jdbc.update(
                "insert into profile_credits (member_id, title, title_key, release_year, production_type, craft,"
                        + " created_at) values (?, ?, ?, ?, 'FEATURE', 'gaffer', ?)",
                member.id(),
                title,
                title.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT),
                year,
                Timestamp.valueOf(LocalDateTime.now()));
    }

    @Override
    public void removeMembersAfter(long mark) {
        // crafts and handle history go with their profile by cascade
        jdbc.update("delete from profile_avatars where member_id > ?", mark);
        jdbc.update("delete from profile_credits where member_id > ?", mark);
        jdbc.update("delete from profiles where member_id > ?", mark);
    }
}
