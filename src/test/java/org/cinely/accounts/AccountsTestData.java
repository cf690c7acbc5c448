package org.cinely.accounts;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Objects;
import org.cinely.test.ModuleTestData;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Accounts of test members, written as rows (much faster than signing up through the web, and
 * not held by the sign-up rate limit), and their removal after a test, last of all modules.
 */
@TestComponent
@Order(80)
public class AccountsTestData implements ModuleTestData {

    private final JdbcTemplate jdbc;

    public AccountsTestData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An active member's account; returns its id. */
    public long create(String email, String handle, String displayName, String passwordHash, boolean verified) {
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
        return Objects.requireNonNull(keys.getKey()).longValue();
    }

    /** Confirms a member's e-mail address, as following the link in the mail would. */
    public void verify(long accountId) {
        jdbc.update("update accounts set email_verified_at = now(6) where id = ?", accountId);
    }

    @Override
    public void removeMembersAfter(long mark) {
        // tokens and handle changes go with their account by cascade
        jdbc.update("delete from persistent_logins where username in (select email from accounts where id > ?)", mark);
        jdbc.update("delete from accounts where id > ?", mark);
    }
}
