package org.cinely.works;

import org.springframework.jdbc.core.JdbcTemplate;

/** Lets tests of other packages create a member the same way the works tests do. */
public final class WorksTestAccess {

    private WorksTestAccess() {}

    public static java.nio.file.Path clip(int width, int height) throws Exception {
        return WorksTestSupport.clip(width, height);
    }

    public static java.nio.file.Path clip(int width, int height, int seconds) throws Exception {
        return WorksTestSupport.clip(width, height, seconds);
    }

    public static long member(JdbcTemplate jdbc) {
        return WorksTestSupport.member(jdbc, "{noop}x").id().value();
    }

    /** A public work with a clip transcoded and ready to watch, as {@code owner}; returns its id. */
    public static long readyPublicWork(
            org.springframework.test.web.servlet.MockMvc mvc,
            org.cinely.platform.security.CurrentMember owner,
            java.nio.file.Path clip)
            throws Exception {
        return WorksTestSupport.readyPublicWork(mvc, owner, clip);
    }
}
