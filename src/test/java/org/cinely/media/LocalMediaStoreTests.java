package org.cinely.media;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalMediaStoreTests extends MediaStoreContract {

    @TempDir
    Path root;

    LocalMediaStore store;

    @BeforeEach
    void createStore() {
        store = new LocalMediaStore(root);
    }

    @Override
    MediaStore store() {
        return store;
    }

    @Test
    void refusesKeysThatLeaveTheDirectory() {
        assertThatThrownBy(() -> store.find("../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.find("/etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }
}
