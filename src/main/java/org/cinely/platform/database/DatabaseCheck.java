package org.cinely.platform.database;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Refuses to start on a database set-up that would quietly corrupt data, with what to change:
 * a MariaDB server behind MySQL's driver when that driver drops fractional seconds (MariaDB 10.x,
 * whose handshake says 5.5.5), or a jOOQ dialect of the other family (MySQL-only SQL such as
 * {@code INSERT ... AS excluded} fails on MariaDB, and the reverse). Logs the server it found.
 */
@Component
class DatabaseCheck implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DatabaseCheck.class);

    private final DataSource dataSource;
    private final DSLContext dsl;

    DatabaseCheck(DataSource dataSource, DSLContext dsl) {
        this.dataSource = dataSource;
        this.dsl = dsl;
    }

    @Override
    public void afterSingletonsInstantiated() {
        String version;
        String driver;
        String url;
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            driver = meta.getDriverName();
            url = meta.getURL();
            version = String.valueOf(dsl.fetchValue("select version()"));
        } catch (SQLException e) {
            throw new IllegalStateException("The database cannot be reached: " + e.getMessage(), e);
        }
        log.info("Database: {} through {}, jOOQ dialect {}", version, driver, dsl.dialect());
        problem(version, url, dsl.dialect()).ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
    }

    /** What is wrong with this server, URL and dialect together, if anything. */
    static java.util.Optional<String> problem(String version, String url, SQLDialect dialect) {
        boolean mariaDb = version.toLowerCase(Locale.ROOT).contains("mariadb");
        int major = major(version);
        if (mariaDb && major < 11 && url.startsWith("jdbc:mysql:")) {
            return java.util.Optional.of(
                    "The database is MariaDB " + version + ", reached through MySQL's driver, which"
                            + " drops fractional seconds from timestamps on MariaDB 10: use a jdbc:mariadb:// URL in"
                            + " SPRING_DATASOURCE_URL (MariaDB's driver is included).");
        }
        if (mariaDb && dialect.family() != SQLDialect.MARIADB) {
            return java.util.Optional.of("The database is MariaDB " + version + " but the jOOQ dialect is " + dialect
                    + ": set CINELY_JOOQ_DIALECT=MARIADB and CINELY_DB_DIALECT=org.hibernate.dialect.MariaDBDialect"
                    + " (a jdbc:mariadb:// URL sets both).");
        }
        if (!mariaDb && dialect.family() == SQLDialect.MARIADB) {
            return java.util.Optional.of("The database is MySQL " + version + " but the jOOQ dialect is MARIADB:"
                    + " unset CINELY_JOOQ_DIALECT and CINELY_DB_DIALECT (MySQL is the default).");
        }
        return java.util.Optional.empty();
    }

    private static int major(String version) {
        int dot = version.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
