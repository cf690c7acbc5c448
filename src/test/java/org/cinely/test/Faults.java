package org.cinely.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Real storage faults for tests, made by the kernel rather than by a fake: a directory that is a
 * full filesystem (a tiny tmpfs mounted over it, filled up) and a directory nothing can be written
 * into (the immutable attribute, which binds root too). Both need root, as CI runs; elsewhere the
 * tests that use them say so loudly and are skipped, except under CI (env CI set), where that fails.
 */
public final class Faults {

    private Faults() {}

    /** A fault in place until closed. */
    public interface Fault extends AutoCloseable {
        @Override
        void close() throws IOException;
    }

    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    /** Root, or a sudo that asks no password (as CI's own install step uses). */
    public static void requireRoot() {
        if (ROOT || sudoWorks()) {
            return;
        }
        String message = "\n!!  STORAGE FAULT TESTS NOT RUN: they mount a tmpfs and set chattr +i, which needs root"
                + " (or sudo without a password).\n";
        System.err.println(message);
        if (System.getenv("CI") != null) {
            throw new IllegalStateException(message);
        }
        Assumptions.abort(message);
    }

    private static boolean sudoWorks() {
        try {
            Process process = new ProcessBuilder("sudo", "-n", "true").start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Mounts a small filesystem over {@code dir} and fills it: every write in it fails with ENOSPC. */
    public static Fault fullDisk(Path dir) throws IOException {
        Files.createDirectories(dir);
        run(
                "mount",
                "-t",
                "tmpfs",
                "-o",
                "size=64k,mode=1777",
                "cinely-full",
                dir.toAbsolutePath().toString());
        try {
            Path filler = dir.resolve(".filler");
            try (var out = Files.newOutputStream(filler)) {
                byte[] block = new byte[4096];
                for (int i = 0; i < 1_000; i++) {
                    out.write(block);
                }
            } catch (IOException full) {
                // full, as intended
            }
        } catch (RuntimeException e) {
            run("umount", dir.toAbsolutePath().toString());
            throw e;
        }
        return () -> run("umount", dir.toAbsolutePath().toString());
    }

    /** Makes {@code dir} immutable: nothing can be created, renamed or removed in it, even by root. */
    public static Fault unwritable(Path dir) throws IOException {
        Files.createDirectories(dir);
        run("chattr", "+i", dir.toAbsolutePath().toString());
        return () -> run("chattr", "-i", dir.toAbsolutePath().toString());
    }

    /** Runs a command as root: directly when the tests are root, else through {@code sudo -n}. */
    static void run(String... command) throws IOException {
        List<String> line = new java.util.ArrayList<>();
        if (!ROOT) {
            line.addAll(List.of("sudo", "-n"));
        }
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                String output = new String(process.getInputStream().readAllBytes());
                throw new IOException(String.join(" ", line) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
