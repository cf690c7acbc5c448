package org.cinely.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;

/** The start-up check refuses the set-ups that corrupt data quietly, and only those. */
class DatabaseCheckTests {

    @Test
    void mariaDb10ThroughMySqlsDriverIsRefusedForItsLostFractionalSeconds() {
        assertThat(DatabaseCheck.problem("10.11.19-MariaDB-0+deb12u1", "jdbc:mysql://db/cinely", SQLDialect.MARIADB))
                .get()
                .asString()
                .contains("jdbc:mariadb://");
    }

    @Test
    void aDialectOfTheOtherFamilyIsRefused() {
        assertThat(DatabaseCheck.problem("10.11.19-MariaDB", "jdbc:mariadb://db/cinely", SQLDialect.MYSQL))
                .get()
                .asString()
                .contains("CINELY_JOOQ_DIALECT=MARIADB");
        assertThat(DatabaseCheck.problem("8.4.3", "jdbc:mysql://db/cinely", SQLDialect.MARIADB))
                .get()
                .asString()
                .contains("MySQL 8.4.3");
    }

    @Test
    void theTestedSetUpsPass() {
        assertThat(DatabaseCheck.problem("11.4.5-MariaDB", "jdbc:mysql://127.0.0.1/cinely", SQLDialect.MARIADB))
                .isEmpty(); // the embedded server: 11.x has no 5.5.5 prefix
        assertThat(DatabaseCheck.problem("10.11.19-MariaDB", "jdbc:mariadb://127.0.0.1/cinely", SQLDialect.MARIADB))
                .isEmpty();
        assertThat(DatabaseCheck.problem("8.4.3", "jdbc:mysql://mysql/cinely", SQLDialect.MYSQL))
                .isEmpty();
    }
}
