package org.cinely.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Media in a directory on this machine (the default, under the data directory). */
class LocalMediaStore implements MediaStore {

    private final Path root;

    LocalMediaStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    private Path resolve(String key) {
        if (key.isEmpty() || key.startsWith("/") || key.contains("..") || key.contains("\\")) {
            throw new IllegalArgumentException("Bad media key: " + key);
        }
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("Bad media key: " + key);
        }
        return path;
    }

    @Override
    public void put(String key, Path file, String contentType) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        // Copy to a temporary name and move into place, so a reader never sees half a file.
        Path tmp = Files.createTempFile(target.getParent(), ".put-", ".tmp");
        try {
            Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public void put(String key, byte[] bytes, String contentType) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".put-", ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public Optional<StoredObject> find(String key) throws IOException {
        Path path = resolve(key);
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        return Optional.of(new StoredObject(key, Files.size(path), MediaStore.contentTypeOf(key)));
    }

    @Override
    public InputStream open(String key, long offset, long length) throws IOException {
        FileChannel channel = FileChannel.open(resolve(key), StandardOpenOption.READ);
        channel.position(offset);
        InputStream in = Channels.newInputStream(channel);
        return length < 0 ? in : new BoundedInputStream(in, length);
    }

    @Override
    public void download(String key, Path target) throws IOException {
        Files.copy(resolve(key), target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Moves a local file into the store without copying (same disk). */
    void moveIn(String key, Path file) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        try {
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            Files.delete(file);
        }
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        Path dir = root;
        String parent = prefix.contains("/") ? prefix.substring(0, prefix.lastIndexOf('/')) : "";
        if (!parent.isEmpty()) {
            dir = resolve(parent);
        }
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(path -> root.relativize(path).toString().replace('\\', '/'))
                    .filter(key -> key.startsWith(prefix) && !key.contains("/.put-"))
                    .sorted()
                    .toList();
        }
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            Files.deleteIfExists(resolve(key));
        } catch (NoSuchFileException | FileAlreadyExistsException ignored) {
            // already gone
        }
    }

    @Override
    public int deleteAll(String prefix) throws IOException {
        List<String> keys = list(prefix);
        for (String key : keys) {
            delete(key);
        }
        String dirKey = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : null;
        if (dirKey != null && !dirKey.isEmpty() && Files.isDirectory(resolve(dirKey))) {
            try (Stream<Path> dirs = Files.walk(resolve(dirKey))) {
                for (Path dir : dirs.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(dir);
                }
            } catch (IOException ignored) {
                // a directory still in use is left for the next clean-up
            }
        }
        return keys.size();
    }
}
